export { tasksRoutes } from './tasks.routes';
export { tasks, taskActivity, type TaskRow } from './tasks.table';
export * from './task-fields';
export { CreateTaskBody, UpdateTaskBody, Task, TaskList, Progress } from './tasks.schema';
export { registerTaskJobs, notifyOverdueTasks, scheduleOverdueRun, OVERDUE_JOB } from './task-overdue.jobs';
