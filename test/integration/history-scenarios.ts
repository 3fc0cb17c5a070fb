/** One synthetic patient per branch of every example journey: what they do, and where their journey must end. */
import type { DateTime } from 'luxon';

/** What the patient, the care team or the world does next; each waits until the enrollment is ready for it. */
export type ScenarioAction =
  /** A reply by SMS or voice keypad, through the reply Update (also an assessment answer). */
  | { reply: string }
  /** The nurse records the open task's outcome through the task Update. */
  | { task: string }
  /** Nobody answers: the step the journey now waits on (a reply, an event, a task) reaches its timeout or deadline. */
  | { silent: true }
  /** A world event, such as the refill being picked up. */
  | { event: string }
  /** Staff end the enrollment, with a reason. */
  | { exit: string }
  /** The patient answers the whole assessment on its web form (each question's option by position). */
  | { form: number[] }
  /** The provider reports the awaited message undelivered after accepting it. */
  | { undelivered: true }
  /** The task outcome as the signal that came before the task Update; running enrollments may still receive it. */
  | { taskSignal: string }
  /** Attributes the journey branches on change while it waits. */
  | { attributes: Record<string, unknown> };

export interface HistoryScenario {
  /** The history's file name: `<journey>--<what happens>`. */
  name: string;
  /** A file name under examples/journeys, without `.journey.json`. */
  journey: string;
  /** The attributes the journey branches on; dates are counted from the server's clock at enrollment. */
  attributes?: (now: DateTime) => Record<string, unknown>;
  /** Enroll when it is night where the patient lives, so the first outreach waits for quiet hours to end. */
  enrolledAtNight?: boolean;
  /** Continue as new at this many history events, so the history holds the hand-over to a new run. */
  historyLimit?: number;
  actions: ScenarioAction[];
  /** How the enrollment ends: its status and the last step (or the exit reason). */
  ends: { status: 'completed' | 'exited' | 'failed'; at: string };
}

const silent = { silent: true } as const;
const refillInTenDays = (now: DateTime) => ({
  refillDueDate: now.plus({ days: 10 }).toISODate(),
  pharmacyName: 'Main St Pharmacy',
});
const therapy = () => ({ therapy: 'Examplimab' });
const phq9 = (answers: string) => [...answers].map((reply) => ({ reply }));

export const historyScenarios: HistoryScenario[] = [
  // ── first-dose check-in (older histories of it come from enrollment.test.ts) ──
  {
    name: 'first-dose-check-in--night-enrollment-reply-yes',
    journey: 'first-dose-check-in',
    enrolledAtNight: true,
    actions: [{ reply: 'yes' }],
    ends: { status: 'completed', at: 'end-well' },
  },
  {
    name: 'first-dose-check-in--reply-not-understood-then-no',
    journey: 'first-dose-check-in',
    actions: [{ reply: 'maybe' }, { reply: '2' }],
    ends: { status: 'completed', at: 'end-follow-up' },
  },
  // ── decliner re-engagement ──
  {
    name: 'decliner-re-engagement--interested-then-enrolled',
    journey: 'decliner-re-engagement',
    actions: [{ reply: 'yes' }, { task: 'enrolled' }],
    ends: { status: 'completed', at: 'end-enrolled' },
  },
  {
    name: 'decliner-re-engagement--silent-throughout',
    journey: 'decliner-re-engagement',
    actions: [],
    ends: { status: 'completed', at: 'end-no-response' },
  },
  {
    name: 'decliner-re-engagement--last-invitation-then-call-escalated',
    journey: 'decliner-re-engagement',
    actions: [silent, { reply: '1' }],
    ends: { status: 'completed', at: 'end-no-response' },
  },
  {
    name: 'decliner-re-engagement--sms-undelivered-then-silent',
    journey: 'decliner-re-engagement',
    actions: [{ undelivered: true }],
    ends: { status: 'completed', at: 'end-no-response' },
  },
  // ── pharmacy refill ──
  {
    name: 'pharmacy-refill--refill-and-pickup',
    journey: 'pharmacy-refill',
    attributes: refillInTenDays,
    actions: [{ reply: '1' }, { event: 'refill.picked-up' }],
    ends: { status: 'completed', at: 'end-refilled' },
  },
  {
    name: 'pharmacy-refill--no-date-pharmacist-no-refill',
    journey: 'pharmacy-refill',
    attributes: () => ({ pharmacyName: 'Main St Pharmacy' }),
    actions: [{ task: 'no-refill' }],
    ends: { status: 'completed', at: 'end-no-refill' },
  },
  {
    name: 'pharmacy-refill--sms-silent-voice-pharmacist-not-reached',
    journey: 'pharmacy-refill',
    attributes: refillInTenDays,
    actions: [silent, { reply: '2' }, { task: 'not-reached' }],
    ends: { status: 'completed', at: 'end-not-reached' },
  },
  {
    name: 'pharmacy-refill--pickup-missed-pharmacist-refills-again',
    journey: 'pharmacy-refill',
    attributes: refillInTenDays,
    actions: [{ reply: 'refill' }, silent, { task: 'refill-requested' }, { event: 'refill.picked-up' }],
    ends: { status: 'completed', at: 'end-refilled' },
  },
  {
    name: 'pharmacy-refill--pharmacy-changed-while-waiting',
    journey: 'pharmacy-refill',
    attributes: refillInTenDays,
    actions: [
      { attributes: { pharmacyName: 'Oak Ave Pharmacy' } },
      { reply: '1' },
      silent,
      { taskSignal: 'no-refill' },
    ],
    ends: { status: 'completed', at: 'end-no-refill' },
  },
  // ── PHQ-9 check-in ──
  {
    name: 'phq-9-check-in--item-9-urgent-call-then-mild',
    journey: 'phq-9-check-in',
    actions: [...phq9('110020001'), { task: 'reached' }, { exit: 'therapy discontinued' }],
    ends: { status: 'exited', at: 'therapy discontinued' },
  },
  {
    name: 'phq-9-check-in--emergency-handover',
    journey: 'phq-9-check-in',
    actions: [...phq9('333333333'), { task: 'emergency' }],
    ends: { status: 'completed', at: 'end-clinical-handover' },
  },
  {
    name: 'phq-9-check-in--moderate-nurse-follow-up-then-skip',
    journey: 'phq-9-check-in',
    actions: [...phq9('222220000'), { task: 'not-reached' }, { reply: 'skip' }, { exit: 'moved away' }],
    ends: { status: 'exited', at: 'moved away' },
  },
  {
    name: 'phq-9-check-in--web-form-minimal',
    journey: 'phq-9-check-in',
    actions: [{ form: [0, 1, 0, 0, 0, 0, 1, 0, 0] }, { exit: 'therapy discontinued' }],
    ends: { status: 'exited', at: 'therapy discontinued' },
  },
  {
    // Six months of two-weekly check-ins, unanswered, across runs: the hand-over carries the engine state.
    name: 'phq-9-check-in--six-months-silent-continue-as-new',
    journey: 'phq-9-check-in',
    historyLimit: 60,
    actions: [],
    ends: { status: 'completed', at: 'end-six-months' },
  },
  // ── self-injection onboarding ──
  {
    name: 'self-injection-onboarding--declined-on-the-call',
    journey: 'self-injection-onboarding',
    attributes: therapy,
    actions: [{ task: 'declined' }],
    ends: { status: 'completed', at: 'end-declined' },
  },
  {
    // Reached, then low anxiety: monthly tips until the cap, across runs. The hand-over comes after the last answer:
    // on the time-skipping test server an Update arriving as the run continues as new left time-skipping stalled.
    name: 'self-injection-onboarding--low-anxiety-monthly-continue-as-new',
    journey: 'self-injection-onboarding',
    attributes: therapy,
    historyLimit: 120,
    actions: [{ task: 'reached' }, { reply: '0' }, { reply: '0' }, { reply: '1' }],
    ends: { status: 'completed', at: 'end-program' },
  },
  {
    name: 'self-injection-onboarding--moderate-weekly-call-me-escalated',
    journey: 'self-injection-onboarding',
    attributes: therapy,
    // The onboarding call and later the anxiety call pass their deadlines unworked: both escalate.
    actions: [
      silent,
      { reply: '2' },
      { reply: '1' },
      { reply: '2' },
      { reply: 'call me' },
      silent,
      { exit: 'enrolled elsewhere' },
    ],
    ends: { status: 'exited', at: 'enrolled elsewhere' },
  },
];
