/** The message step: one send on a channel through a named connector, optionally awaiting a classified reply, with a `failed` fallback. */
import { z } from 'zod';
import { OutputName, DurationText } from '../ids.js';
import { stepBase, type StepKind } from './common.js';
import { isPositiveDuration } from '../duration.js';
import type { Problem } from '../problems.js';
import { smsSegments } from '../templates/index.js';
import { templateProblems } from './checks.js';
import { normalizeReply } from './reply-classes.js';

// Reply classification lives apart (no zod) so the enrollment workflow's bundle can carry it; re-exported for callers here.
export { classifyReply, normalizeReply } from './reply-classes.js';

export const Channel = z.enum(['sms', 'email', 'voice', 'video', 'push', 'webhook']);
export type Channel = z.infer<typeof Channel>;

/** Channels that reach the patient, and so need a consent purpose. */
export const patientChannels: ReadonlySet<Channel> = new Set(['sms', 'email', 'voice', 'video', 'push']);

export const ReplyClass = z.strictObject({
  /** The output this class leads to. */
  id: OutputName,
  label: z.string().max(200).optional(),
  /** Replies that fall in this class: keywords, numbers, synonyms; matched ignoring case and spacing. */
  match: z.array(z.string().max(200)).max(100),
});
export type ReplyClass = z.infer<typeof ReplyClass>;

export const AwaitReply = z.strictObject({
  classes: z.array(ReplyClass).max(50),
  /** How long to wait for a reply before taking the `timeout` output (ISO 8601, e.g. P2D). */
  timeout: DurationText,
  /** Sent back when a reply matches no class; defaults to the journey's `notUnderstood` setting. */
  notUnderstood: z.string().max(480).optional(),
});
export type AwaitReply = z.infer<typeof AwaitReply>;

export const MessageStep = z.strictObject({
  type: z.literal('message'),
  ...stepBase,
  channel: Channel,
  /** Connector id, e.g. `dev` (the development channel's local inbox). */
  connector: z.string().min(1).max(100),
  subject: z.string().max(500).optional(),
  /** Liquid template rendered with the patient's record at send time. */
  template: z.string().max(20000),
  /** Overrides the journey's consent purpose for this message. */
  consentPurpose: z.string().max(100).optional(),
  await: AwaitReply.optional(),
});
export type MessageStep = z.infer<typeof MessageStep>;

/** The longest text a template could plausibly render to, for the segment budget: each variable counted as 12 characters. */
function estimateText(template: string): string {
  return template.replace(/\{\{[^}]*\}\}/g, 'x'.repeat(12)).replace(/\{%[^%]*%\}/g, '');
}

export const messageKind: StepKind<MessageStep> = {
  type: 'message',
  label: 'Message',
  requiredOutputs: (step) => (step.await ? [...step.await.classes.map((c) => c.id), 'timeout'] : ['next']),
  optionalOutputs: () => ['failed'],
  waits: (step) => step.await !== undefined,
  check(step, { at, stepId, document }) {
    const problems: Problem[] = [];
    if (step.template.trim() === '') {
      problems.push({
        code: 'message.empty-template',
        pointer: `${at}/template`,
        stepId,
        severity: 'error',
        message: `Step "${stepId}" has no message text.`,
      });
    } else {
      problems.push(
        ...templateProblems(step.template, document, `${at}/template`, `Step "${stepId}", message text`, stepId),
      );
    }
    if (step.subject)
      problems.push(...templateProblems(step.subject, document, `${at}/subject`, `Step "${stepId}", subject`, stepId));
    if (patientChannels.has(step.channel) && !step.consentPurpose && !document.settings.consentPurpose) {
      problems.push({
        code: 'policy.no-consent-purpose',
        pointer: `${at}/consentPurpose`,
        stepId,
        severity: 'error',
        message: `Step "${stepId}" messages the patient but names no consent purpose, here or in the journey settings.`,
      });
    }
    if (step.channel === 'sms' && step.template.trim() !== '') {
      const budget = document.settings.smsSegmentBudget;
      const { segments, encoding } = smsSegments(estimateText(step.template));
      if (segments > budget) {
        problems.push({
          code: 'policy.sms-over-budget',
          pointer: `${at}/template`,
          stepId,
          severity: 'error',
          message: `Step "${stepId}": this SMS needs about ${segments} ${encoding} segments; the journey's budget is ${budget}.`,
        });
      }
    }
    if (step.await) {
      if (!isPositiveDuration(step.await.timeout)) {
        problems.push({
          code: 'message.invalid-timeout',
          pointer: `${at}/await/timeout`,
          stepId,
          severity: 'error',
          message: `Step "${stepId}": the reply timeout "${step.await.timeout}" is not a duration such as P2D (2 days) or PT4H (4 hours).`,
        });
      }
      if (step.await.classes.length === 0) {
        problems.push({
          code: 'message.no-reply-classes',
          pointer: `${at}/await/classes`,
          stepId,
          severity: 'error',
          message: `Step "${stepId}" awaits a reply but has no reply classes.`,
        });
      }
      const seenIds = new Set<string>();
      const seenWords = new Map<string, string>();
      step.await.classes.forEach((cls, i) => {
        if (cls.id === 'timeout' || cls.id === 'failed' || cls.id === 'capped' || seenIds.has(cls.id)) {
          problems.push({
            code: 'message.duplicate-reply-class',
            pointer: `${at}/await/classes/${i}/id`,
            stepId,
            severity: 'error',
            message: `Step "${stepId}": reply class "${cls.id}" is used twice or is a reserved output name.`,
          });
        }
        seenIds.add(cls.id);
        if (cls.match.length === 0) {
          problems.push({
            code: 'message.empty-reply-class',
            pointer: `${at}/await/classes/${i}/match`,
            stepId,
            severity: 'error',
            message: `Step "${stepId}": reply class "${cls.id}" has no words or numbers that match it.`,
          });
        }
        cls.match.forEach((word, j) => {
          const key = normalizeReply(word);
          const owner = seenWords.get(key);
          if (owner !== undefined && owner !== cls.id) {
            problems.push({
              code: 'message.ambiguous-reply',
              pointer: `${at}/await/classes/${i}/match/${j}`,
              stepId,
              severity: 'error',
              message: `Step "${stepId}": the reply "${word}" belongs to both "${owner}" and "${cls.id}".`,
            });
          }
          seenWords.set(key, cls.id);
        });
      });
    }
    return problems;
  },
  create: () => ({ type: 'message', channel: 'sms', connector: 'dev', template: '', outputs: {} }),
};
