import { z } from 'zod';

export const KbCategory = z.enum(['technical', 'billing', 'general']);
export type KbCategory = z.infer<typeof KbCategory>;

/** An article as authored or imported, before it gets an id and chunks. */
export const ArticleDraft = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  title: z.string().trim().min(1).max(200),
  category: KbCategory,
  tags: z.array(z.string().trim().min(1).max(50)).max(20),
  body: z.string().trim().min(1),
});
export type ArticleDraft = z.infer<typeof ArticleDraft>;
