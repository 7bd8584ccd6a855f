import { z } from 'zod';

/** The ticket composer: which kind of message, its text and the files uploaded for it (they expire a day after upload). */
export const TicketDraftContent = z.object({
  mode: z.enum(['reply', 'note']),
  body: z.string().max(20_000),
  files: z
    .array(z.object({ id: z.string().uuid(), filename: z.string().max(200), size: z.number().int().nonnegative() }))
    .max(10)
    .optional(),
});
export type TicketDraftContent = z.infer<typeof TicketDraftContent>;

/** The article editor's fields, as typed (not yet valid as an article). */
export const ArticleDraftContent = z.object({
  title: z.string().max(200),
  body: z.string().max(500_000),
  category: z.string().max(40).optional(),
  tags: z.array(z.string().max(50)).max(20).optional(),
});
export type ArticleDraftContent = z.infer<typeof ArticleDraftContent>;

const savedDraft = <T extends z.ZodTypeAny>(content: T) => z.object({ content, updated_at: z.string() });

export const TicketDraft = z.object({ draft: savedDraft(TicketDraftContent).nullable() });
export const ArticleDraft = z.object({ draft: savedDraft(ArticleDraftContent).nullable() });

export const PutTicketDraftBody = z.object({ content: TicketDraftContent });
export const PutArticleDraftBody = z.object({ content: ArticleDraftContent });

/** An article's id, or "new" for the article being created. */
export const ArticleDraftParams = z.object({ ref: z.union([z.literal('new'), z.string().uuid()]) });
