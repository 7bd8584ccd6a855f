export { bootstrap, ensureAdmin, type AdminLogin } from './setup.service';
export { loadDemoData, getDemoStatus, removeDemoData } from './demo.service';
export { demoRoutes } from './demo.routes';
