/** The assessment step: a FHIR R4 Questionnaire delivered question by question by SMS or as a web-form link, scored; completed, timeout or declined. */
import { z } from 'zod';
import { DurationText } from '../ids.js';
import { stepBase, type StepKind } from './common.js';
import { isPositiveDuration } from '../duration.js';
import type { Problem } from '../problems.js';
import { Questionnaire } from '../fhir/questionnaire.js';
import { checkQuestionnaire } from '../fhir/scoring.js';
import { templateProblems } from './checks.js';

export const AssessmentStep = z.strictObject({
  type: z.literal('assessment'),
  ...stepBase,
  /** The instrument itself, embedded so that reviewers approve its exact wording and the content hash covers it. */
  questionnaire: Questionnaire,
  /** `sms`: one question per message, numeric answers, an invalid answer asked once more. `web-link`: one message with a form link. */
  delivery: z.enum(['sms', 'web-link']),
  channel: z.enum(['sms', 'email']).default('sms'),
  connector: z.string().min(1).max(100),
  /** Sent before the first question (sms) or as the link message (web-link; `{{ assessment.link }}` is the form's address). */
  intro: z.string().max(2000).optional(),
  /** Replies that mean the patient declines to answer. */
  declineWords: z.array(z.string().max(50)).max(20).default(['decline', 'skip']),
  timeout: DurationText,
  consentPurpose: z.string().max(100).optional(),
});
export type AssessmentStep = z.infer<typeof AssessmentStep>;

export const assessmentKind: StepKind<AssessmentStep> = {
  type: 'assessment',
  label: 'Assessment',
  requiredOutputs: () => ['completed', 'timeout', 'declined'],
  optionalOutputs: () => ['failed'],
  waits: () => true,
  check(step, { at, stepId, document }) {
    // Whether the score must exist depends on the rest of the journey: see checkAssessmentScores.
    const problems: Problem[] = checkQuestionnaire(step.questionnaire, {
      at: `${at}/questionnaire`,
      stepId,
    });
    if (!isPositiveDuration(step.timeout)) {
      problems.push({
        code: 'wait.invalid-duration',
        pointer: `${at}/timeout`,
        stepId,
        severity: 'error',
        message: `Step "${stepId}": the timeout "${step.timeout}" is not a duration such as P3D.`,
      });
    }
    if (step.intro)
      problems.push(
        ...templateProblems(
          step.intro.replace(/\{\{\s*assessment\.link\s*\}\}/g, ''),
          document,
          `${at}/intro`,
          `Step "${stepId}", introduction`,
          stepId,
        ),
      );
    if (step.delivery === 'web-link' && !/\{\{\s*assessment\.link\s*\}\}/.test(step.intro ?? '')) {
      problems.push({
        code: 'assessment.no-link',
        pointer: `${at}/intro`,
        stepId,
        severity: 'error',
        message: `Step "${stepId}" sends a web-form link, but its message has no {{ assessment.link }}.`,
      });
    }
    if (!step.consentPurpose && !document.settings.consentPurpose) {
      problems.push({
        code: 'policy.no-consent-purpose',
        pointer: `${at}/consentPurpose`,
        stepId,
        severity: 'error',
        message: `Step "${stepId}" contacts the patient but names no consent purpose, here or in the journey settings.`,
      });
    }
    return problems;
  },
  create: () => ({
    type: 'assessment',
    delivery: 'sms',
    channel: 'sms',
    connector: 'dev',
    declineWords: ['decline', 'skip'],
    timeout: 'P3D',
    questionnaire: {
      resourceType: 'Questionnaire',
      id: 'new-questionnaire',
      status: 'draft',
      title: 'New questionnaire',
      item: [],
    } as unknown as AssessmentStep['questionnaire'],
    outputs: {},
  }),
};
