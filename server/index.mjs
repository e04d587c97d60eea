// For plain-JS harnesses (web-test-runner config, scripts): registers tsx,
// then re-exports startServer and friends from the TypeScript sources.
import {register} from 'tsx/esm/api';

register();
export const {startServer, openStore, createApp} = await import('./src/index.ts');
