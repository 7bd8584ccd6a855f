export { installAuth, SESSION_COOKIE } from './auth.hook';
export { authRoutes } from './auth.routes';
export { createApiToken, subscribeSessionRevocation } from './auth.service';
