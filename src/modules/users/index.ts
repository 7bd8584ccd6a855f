export { usersRoutes } from './users.routes';
export { permissionsRoutes } from './permissions.routes';
export { createUser, toUser, updateUser } from './users.service';
export { findUserByEmail, findUserById } from './users.queries';
export { hashPassword, verifyPassword } from './passwords';
export { users, type UserRow } from './users.table';
export { CreateUserBody, Password } from './users.schema';
export { DEFAULT_WORKING_HOURS, WorkingHours } from './working-hours';
export { removeUnusedUser } from './user-removal.service';
