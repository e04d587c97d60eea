import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {openPostgres} from '../src/store/postgres.ts';
import {adminSuite} from './admin-suite.ts';
import {freshDb, postgresFactory} from './helpers.ts';
import {hardeningSuite} from './hardening.ts';
import {liveSuite, twoInstanceSuite} from './live-suite.ts';
import {mailSuite, sharedInstancesSuite} from './mail-suite.ts';
import {orgsSuite} from './orgs-suite.ts';
import {storageSuite} from './suite.ts';
import {triggerPlanSuite} from './trigger-plans.ts';

// .ci/pg-start.sh starts a server and prints DATABASE_URL; without one these suites are reported as skipped.
const url = process.env.DATABASE_URL;
const skip = url ? false : 'DATABASE_URL not set';
storageSuite('PostgreSQL', () => postgresFactory(url!), skip);
adminSuite('PostgreSQL', () => postgresFactory(url!), skip);
hardeningSuite('PostgreSQL', () => postgresFactory(url!), skip);
liveSuite('PostgreSQL', () => postgresFactory(url!), skip);
twoInstanceSuite('PostgreSQL', () => postgresFactory(url!), skip);
orgsSuite('PostgreSQL', () => postgresFactory(url!), skip);
mailSuite('PostgreSQL', () => postgresFactory(url!), skip);
sharedInstancesSuite('PostgreSQL', () => postgresFactory(url!), skip);
triggerPlanSuite('PostgreSQL', () => freshDb(url!), skip);

// Issue 12 item 1: no statement holds a pooled connection for long.
describe('PostgreSQL statement timeout', {skip}, () => {
  test('a statement running past STATEMENT_TIMEOUT_MS is cancelled', async () => {
    const db = await openPostgres(url!, {statementTimeout: 200, max: 1});
    try {
      await assert.rejects(db.query('SELECT pg_sleep(2)'), /statement timeout/);
      assert.deepEqual([...(await db.query('SELECT 1 AS one'))], [{one: 1}]);
    } finally {
      await db.close();
    }
  });
});
