import type { z } from 'zod';
import type { ApiToken as ApiTokenSchema, CreatedToken as CreatedTokenSchema } from '@shared/modules/auth/auth.schema';
import type { CreatedUser as CreatedUserSchema } from '@shared/modules/users/users.schema';

export type { User } from '@shared/modules/users/users.schema';
export type CreatedUser = z.infer<typeof CreatedUserSchema>;
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
