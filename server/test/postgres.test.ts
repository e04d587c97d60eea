import {postgresFactory} from './helpers.ts';
import {storageSuite} from './suite.ts';

// .ci/pg-start.sh starts a server and prints DATABASE_URL; without one this suite is reported as skipped.
const url = process.env.DATABASE_URL;
storageSuite('PostgreSQL', () => postgresFactory(url!), url ? false : 'DATABASE_URL not set');
