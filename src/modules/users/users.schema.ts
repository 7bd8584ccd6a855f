import { z } from 'zod';
import { labelText } from '../../core/text';
import { ROLES } from '../../core/rbac';
import { WorkingHours, WorkingHoursView } from './working-hours';

const Timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Berlin');

export const Password = z.string().min(10, 'must be at least 10 characters').max(200);

export const CreateUserBody = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: labelText(1, 120),
  role: z.enum(ROLES),
  password: Password.optional(),
  /** No password now: the user sets one from an invitation link (POST /api/admin/users/:id/invite). */
  invite: z.boolean().optional(),
  timezone: Timezone.optional(),
  working_hours: WorkingHours.optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z
  .object({
    name: labelText(1, 120),
    role: z.enum(ROLES),
    active: z.boolean(),
    password: Password,
    timezone: Timezone,
    working_hours: WorkingHours,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change');
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const UserIdParams = z.object({ id: z.string().uuid() });

export const ListUsersQuery = z.object({
  role: z.enum(ROLES).optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().max(100).optional(),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  timezone: z.string(),
  working_hours: WorkingHoursView,
  last_login_at: z.string().nullable(),
  created_at: z.string(),
});
export type User = z.infer<typeof User>;

export const CreatedUser = User.extend({ generated_password: z.string().optional() });
export const UserList = z.object({ items: z.array(User) });
