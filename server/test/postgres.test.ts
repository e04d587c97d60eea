import {adminSuite} from './admin-suite.ts';
import {postgresFactory} from './helpers.ts';
import {hardeningSuite} from './hardening.ts';
import {liveSuite, twoInstanceSuite} from './live-suite.ts';
import {storageSuite} from './suite.ts';

// .ci/pg-start.sh starts a server and prints DATABASE_URL; without one these suites are reported as skipped.
const url = process.env.DATABASE_URL;
const skip = url ? false : 'DATABASE_URL not set';
storageSuite('PostgreSQL', () => postgresFactory(url!), skip);
adminSuite('PostgreSQL', () => postgresFactory(url!), skip);
hardeningSuite('PostgreSQL', () => postgresFactory(url!), skip);
liveSuite('PostgreSQL', () => postgresFactory(url!), skip);
twoInstanceSuite('PostgreSQL', () => postgresFactory(url!), skip);
