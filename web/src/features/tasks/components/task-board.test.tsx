// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Task } from '../api/tasks';
import { TaskBoard } from './task-board';

const base: Omit<Task, 'id' | 'title' | 'status'> = {
  description: null,
  assignee: { id: 'a1', name: 'Ana Agent' },
  creator: { id: 'l1', name: 'Lou Lead' },
  due_at: null,
  priority: 'normal',
  tags: [],
  overdue: false,
  completed_at: null,
  ticket_id: null,
  meeting_id: null,
  created_at: '2026-03-01T00:00:00Z',
  updated_at: '2026-03-01T00:00:00Z',
};
const tasks: Task[] = [
  { ...base, id: 't1', title: 'Call back ACME', status: 'todo', overdue: true, due_at: '2026-03-02T10:00:00Z' },
  { ...base, id: 't2', title: 'Write the runbook', status: 'in_progress' },
  { ...base, id: 't3', title: 'Send the report', status: 'done' },
];

function renderBoard(canMove: boolean) {
  return render(
    <MantineProvider>
      <TaskBoard tasks={tasks} timezone="UTC" canMove={canMove} onOpen={() => undefined} onMove={() => undefined} />
    </MantineProvider>,
  );
}

afterEach(cleanup);

describe('TaskBoard', () => {
  it('shows each task in its status column with a keyboard-focusable move handle', () => {
    renderBoard(true);
    const todo = screen.getByRole('region', { name: 'To do column' });
    expect(within(todo).getByText('Call back ACME')).toBeTruthy();
    expect(within(todo).getByText('overdue')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Blocked column' })).getByText('No tasks')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Done column' })).getByText('Send the report')).toBeTruthy();
    const handle = screen.getByRole('button', { name: 'Move Write the runbook' });
    expect(handle.getAttribute('tabindex')).toBe('0');
    expect(handle.getAttribute('aria-roledescription')).toBe('draggable');
  });

  it('gives readers no move handles', () => {
    renderBoard(false);
    expect(screen.getByText('Write the runbook')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Move / })).toBeNull();
  });
});
