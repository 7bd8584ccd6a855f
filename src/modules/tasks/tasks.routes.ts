import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { getTask, listTaskActivity, listTasks, taskProgress } from './task-read.service';
import { commentOnTask, createTask, updateTask } from './task-write.service';
import { Activity, ActivityList, CommentBody, CreateTaskBody, ListTasksQuery, Progress, Task, TaskIdParams, TaskList, UpdateTaskBody } from './tasks.schema';

const tags = ['tasks'];

export function tasksRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/tasks',
      { config: { permission: 'tasks:write' }, schema: { tags, summary: 'Create a task', body: CreateTaskBody, response: { 201: Task } } },
      async (req, reply) => reply.status(201).send(await createTask(ctx, req.actor!, req.body)),
    );
    app.get(
      '/api/tasks',
      { config: { permission: 'tasks:read' }, schema: { tags, summary: 'List tasks with filters', querystring: ListTasksQuery, response: { 200: TaskList } } },
      async (req) => listTasks(ctx, req.actor!, req.query),
    );
    app.get(
      '/api/tasks/progress',
      { config: { permission: 'tasks:read' }, schema: { tags, summary: 'Open, done this week and overdue per member', response: { 200: Progress } } },
      async (req) => taskProgress(ctx, req.actor!),
    );
    app.get(
      '/api/tasks/:id',
      { config: { permission: 'tasks:read' }, schema: { tags, summary: 'Get a task', params: TaskIdParams, response: { 200: Task } } },
      async (req) => getTask(ctx, req.actor!, req.params.id),
    );
    app.patch(
      '/api/tasks/:id',
      {
        config: { permission: 'tasks:write' },
        schema: { tags, summary: 'Change a task (status done stamps completed_at)', params: TaskIdParams, body: UpdateTaskBody, response: { 200: Task } },
      },
      async (req) => updateTask(ctx, req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/tasks/:id/comments',
      { config: { permission: 'tasks:write' }, schema: { tags, summary: 'Comment on a task', params: TaskIdParams, body: CommentBody, response: { 201: Activity } } },
      async (req, reply) => reply.status(201).send(await commentOnTask(ctx, req.actor!, req.params.id, req.body.body)),
    );
    app.get(
      '/api/tasks/:id/activity',
      { config: { permission: 'tasks:read' }, schema: { tags, summary: 'History and comments of a task', params: TaskIdParams, response: { 200: ActivityList } } },
      async (req) => listTaskActivity(ctx, req.actor!, req.params.id),
    );
  };
}
