import { z } from 'zod';
import { PRIORITIES } from '../tickets/ticket-fields';

const Tag = z.string().trim().min(1).max(50).regex(/^[\w .:/-]+$/u, 'letters, digits, space and . : / - _ only');

export const LEAF_CONDITIONS = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sla'), state: z.enum(['warning', 'breached']), target: z.enum(['first_response', 'resolution']).optional() }).strict(),
  z.object({ type: z.literal('priority'), in: z.array(z.enum(PRIORITIES)).min(1) }).strict(),
  z.object({ type: z.literal('sentiment_below'), threshold: z.number().min(-50).max(50) }).strict(),
  z.object({ type: z.literal('human_requested') }).strict(),
  z.object({ type: z.literal('repeat_contact') }).strict(),
  z.object({ type: z.literal('reopened'), at_least: z.number().int().min(1).max(100) }).strict(),
  z.object({ type: z.literal('vip') }).strict(),
  z
    .object({
      type: z.literal('low_confidence'),
      source: z.enum(['classifier', 'answer']),
      below: z.number().gt(0).max(1),
      head: z.enum(['category', 'priority', 'intent']).optional(),
    })
    .strict(),
  z.object({ type: z.literal('detector'), name: z.enum(['threat', 'legal_threat', 'anger', 'frustration', 'security_incident', 'safety', 'human_request', 'repeat_contact']) }).strict(),
  z.object({ type: z.literal('keywords'), words: z.array(z.string().trim().min(2).max(100)).min(1).max(100) }).strict(),
]);
export type LeafCondition = z.infer<typeof LEAF_CONDITIONS>;

export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

// Nesting is capped so a rule stays readable and evaluation stays cheap.
function conditionSchema(depth: number): z.ZodType<Condition> {
  if (depth === 0) return LEAF_CONDITIONS;
  const inner = z.lazy(() => conditionSchema(depth - 1));
  return z.union([
    LEAF_CONDITIONS,
    z.object({ all: z.array(inner).min(1).max(20) }).strict(),
    z.object({ any: z.array(inner).min(1).max(20) }).strict(),
    z.object({ not: inner }).strict(),
  ]) as z.ZodType<Condition>;
}
export const ConditionSchema = conditionSchema(4);

export const NOTIFY_RECIPIENTS = ['assignee', 'queue', 'leads', 'admins'] as const;

export const ActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set_status'), status: z.literal('escalated') }).strict(),
  z.object({ type: z.literal('move_to_queue'), queue: z.string().trim().min(1).max(100) }).strict(),
  z.object({ type: z.literal('raise_priority'), to: z.enum(PRIORITIES) }).strict(),
  z.object({ type: z.literal('assign'), user_id: z.string().uuid() }).strict(),
  z.object({ type: z.literal('assign_round_robin'), queue: z.string().trim().min(1).max(100).optional() }).strict(),
  z.object({ type: z.literal('add_tag'), tag: Tag }).strict(),
  z
    .object({
      type: z.literal('notify'),
      recipients: z.array(z.enum(NOTIFY_RECIPIENTS)).max(4).default([]),
      user_ids: z.array(z.string().uuid()).max(50).default([]),
    })
    .strict()
    .refine((a) => a.recipients.length + a.user_ids.length > 0, 'name at least one recipient'),
]);
export type Action = z.infer<typeof ActionSchema>;

const RuleFields = {
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500),
  enabled: z.boolean(),
  position: z.number().int().min(0).max(10_000),
  conditions: ConditionSchema,
  actions: z.array(ActionSchema).min(1).max(20),
};

export const CreateRuleBody = z.object({ ...RuleFields, description: RuleFields.description.default(''), enabled: RuleFields.enabled.default(true), position: RuleFields.position.default(100) });
export type CreateRuleBody = z.infer<typeof CreateRuleBody>;
export const UpdateRuleBody = z.object(RuleFields).partial().refine((b) => Object.keys(b).length > 0, 'send at least one field to change');
export type UpdateRuleBody = z.infer<typeof UpdateRuleBody>;

export const Rule = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  position: z.number(),
  conditions: z.unknown(),
  actions: z.array(z.unknown()),
  created_at: z.string(),
  updated_at: z.string(),
});
export const RuleList = z.object({ items: z.array(Rule) });
export const RuleParams = z.object({ id: z.string().uuid() });
