export { systemRoutes, VERSION } from './system.routes';
export { systemAdminRoutes } from './system-admin.routes';
