export { systemRoutes, VERSION } from './system.routes';
