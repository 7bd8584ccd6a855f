export { bootstrap, ensureAdmin, loadDemoData, type AdminLogin } from './setup.service';
