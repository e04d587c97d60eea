import {pgliteFactory} from './helpers.ts';
import {storageSuite} from './suite.ts';

storageSuite('PGlite', pgliteFactory);
