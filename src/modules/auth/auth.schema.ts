import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../../core/rbac';
import { Password } from '../users/users.schema';

export const LoginBody = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  timezone: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
});

export const LoginResponse = z.object({ user: Me, csrf_token: z.string() });
export const MeResponse = z.object({ user: Me, csrf_token: z.string().nullable() });
export const OkResponse = z.object({ ok: z.literal(true) });

export const CreateTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  user_id: z.string().uuid().optional(),
  expires_in_days: z.number().int().min(1).max(3650).optional(),
});
export type CreateTokenBody = z.infer<typeof CreateTokenBody>;

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  user_id: z.string(),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export const CreatedToken = ApiToken.extend({ token: z.string() });
export const TokenList = z.object({ items: z.array(ApiToken) });
export const TokenIdParams = z.object({ id: z.string().uuid() });

export const InvitationToken = z.object({ token: z.string().min(20).max(200) });
export const Invitation = z.object({ email: z.string(), name: z.string(), expires_at: z.string() });
export const CreatedInvitation = z.object({
  invite_url: z.string(),
  expires_at: z.string(),
  /** False when no SMTP server is configured: the email waits in the outbox; share the link yourself. */
  emailed: z.boolean(),
});
export const AcceptInvitationBody = z.object({ token: z.string().min(20).max(200), password: Password });
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;
export const AcceptedInvitation = z.object({ email: z.string() });

/** How many lockouts (per address, per account) were lifted. */
export const UnlockedLogin = z.object({ cleared: z.number() });
