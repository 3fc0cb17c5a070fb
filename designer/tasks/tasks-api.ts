/** The designer's calls to the task API (runtime/api/routes/tasks.ts); answer types come from the server's schemas. */
import { request } from '../api/client.js';
import type { z } from 'zod';
import type { Task, TaskCompletion, TaskDetail, TaskList, TaskOutcomeInput } from '../../runtime/api/schemas/task.js';

export type { Task, TaskDetail } from '../../runtime/api/schemas/task.js';
export type TaskListing = z.infer<typeof TaskList>;
export type TaskCompletionAnswer = z.infer<typeof TaskCompletion>;

const one = (id: string) => `/tasks/${encodeURIComponent(id)}`;

export const tasksApi = {
  list: (queue?: string) => request<TaskListing>('GET', queue ? `/tasks?queue=${encodeURIComponent(queue)}` : '/tasks'),
  get: (id: string) => request<TaskDetail>('GET', one(id)),
  claim: (id: string) => request<{ task: Task }>('POST', `${one(id)}/claim`),
  release: (id: string) => request<{ task: Task }>('POST', `${one(id)}/release`),
  complete: (id: string, input: TaskOutcomeInput) =>
    request<TaskCompletionAnswer>('POST', `${one(id)}/complete`, input),
};
