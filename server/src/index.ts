/** What harnesses and tests import: start a server, or build the app yourself. */
export {startServer, listen, resolveAdminToken, type StartOptions, type RunningServer} from './server.ts';
export {createApp} from './app.ts';
export type {AppConfig} from './config.ts';
export {openStore, type StoreOptions} from './store/index.ts';
export type {Store} from './store/store.ts';
