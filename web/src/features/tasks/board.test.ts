import { describe, expect, it } from 'vitest';
import type { Task } from './api/tasks';
import { groupByStatus, moveTask, neighbourStatus } from './board';

let n = 0;
function task(over: Partial<Task> = {}): Task {
  n += 1;
  return {
    id: `t${n}`,
    title: `Task ${n}`,
    description: null,
    assignee: null,
    creator: { id: 'c', name: 'C' },
    due_at: null,
    priority: 'normal',
    status: 'todo',
    tags: [],
    overdue: false,
    completed_at: null,
    ticket_id: null,
    meeting_id: null,
    created_at: '2026-03-01T00:00:00Z',
    updated_at: '2026-03-01T00:00:00Z',
    ...over,
  };
}

describe('board columns', () => {
  it('puts every task in its status column, overdue first, then by priority and due date', () => {
    const late = task({ title: 'late', overdue: true, priority: 'low', due_at: '2026-03-01T00:00:00Z' });
    const urgent = task({ title: 'urgent', priority: 'urgent' });
    const soon = task({ title: 'soon', due_at: '2026-03-05T00:00:00Z' });
    const later = task({ title: 'later', due_at: '2026-03-09T00:00:00Z' });
    const undated = task({ title: 'undated' });
    const done = task({ title: 'done', status: 'done' });
    const cols = groupByStatus([undated, later, done, soon, urgent, late]);
    expect(cols.todo.map((t) => t.title)).toEqual(['late', 'urgent', 'soon', 'later', 'undated']);
    expect(cols.done.map((t) => t.title)).toEqual(['done']);
    expect(cols.in_progress).toEqual([]);
    expect(cols.blocked).toEqual([]);
  });
});

describe('moving a card', () => {
  const now = new Date('2026-03-04T12:00:00Z');

  it('marks a task done with the completion time and clears overdue', () => {
    expect(moveTask(task({ overdue: true, due_at: '2026-03-01T00:00:00Z' }), 'done', now)).toMatchObject({ status: 'done', overdue: false, completed_at: '2026-03-04T12:00:00.000Z' });
  });

  it('reopens a done task as overdue when its due date has passed', () => {
    expect(moveTask(task({ status: 'done', due_at: '2026-03-01T00:00:00Z' }), 'todo', now)).toMatchObject({ status: 'todo', overdue: true, completed_at: null });
  });

  it('refuses moves the transition table forbids, and no-op moves', () => {
    expect(moveTask(task({ status: 'done' }), 'blocked', now)).toBeNull();
    expect(moveTask(task(), 'todo', now)).toBeNull();
  });

  it('finds the neighbouring column for keyboard moves', () => {
    expect(neighbourStatus('todo', 1)).toBe('in_progress');
    expect(neighbourStatus('todo', -1)).toBeNull();
    expect(neighbourStatus('done', 1)).toBeNull();
  });
});
