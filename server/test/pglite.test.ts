import {adminSuite} from './admin-suite.ts';
import {freshDb, pgliteFactory} from './helpers.ts';
import {hardeningSuite} from './hardening.ts';
import {liveSuite} from './live-suite.ts';
import {mailSuite} from './mail-suite.ts';
import {orgsSuite} from './orgs-suite.ts';
import {pageCacheSuite} from './page-cache-suite.ts';
import {storageSuite} from './suite.ts';
import {triggerPlanSuite} from './trigger-plans.ts';

storageSuite('PGlite', pgliteFactory);
adminSuite('PGlite', pgliteFactory);
hardeningSuite('PGlite', pgliteFactory);
liveSuite('PGlite', pgliteFactory);
orgsSuite('PGlite', pgliteFactory);
mailSuite('PGlite', pgliteFactory);
triggerPlanSuite('PGlite', () => freshDb());
pageCacheSuite('PGlite', pgliteFactory);
