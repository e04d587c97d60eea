// The console bundle's entry (dist/admin/console.js, loaded by admin/index.html).
export {UndersignedConsole} from './elements/admin-console/admin-console.js';
