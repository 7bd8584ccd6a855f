import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { CreatedUser, CreateUserBody, ListUsersQuery, UpdateUserBody, User, UserIdParams, UserList } from './users.schema';
import { createUser, getUser, listUsers, updateUser } from './users.service';

export function usersRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/admin/users',
      {
        config: { permission: 'users:manage' },
        schema: { tags: ['admin'], summary: 'Create a staff user', body: CreateUserBody, response: { 201: CreatedUser } },
      },
      async (req, reply) => reply.status(201).send(await createUser(ctx, req.actor!, req.body, req.ip)),
    );
    app.get(
      '/api/admin/users',
      {
        config: { permission: 'users:read' },
        schema: { tags: ['admin'], summary: 'List staff users', querystring: ListUsersQuery, response: { 200: UserList } },
      },
      async (req) => listUsers(ctx, req.query),
    );
    app.get(
      '/api/admin/users/:id',
      {
        config: { permission: 'users:read' },
        schema: { tags: ['admin'], summary: 'Get a staff user', params: UserIdParams, response: { 200: User } },
      },
      async (req) => getUser(ctx, req.params.id),
    );
    app.patch(
      '/api/admin/users/:id',
      {
        config: { permission: 'users:manage' },
        schema: {
          tags: ['admin'],
          summary: 'Change a user (role, active, name, password, time zone)',
          params: UserIdParams,
          body: UpdateUserBody,
          response: { 200: User },
        },
      },
      async (req) => updateUser(ctx, req.actor!, req.params.id, req.body, req.ip),
    );
  };
}
