/** JSON pointers into a step or journey in words a reviewer reads: `/await/classes/0/match/1` → "Awaits reply › Reply class 1 › Matches 2". */

const names: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  template: 'Message text',
  subject: 'Subject',
  channel: 'Channel',
  connector: 'Connector',
  consentPurpose: 'Consent purpose',
  await: 'Awaits reply',
  classes: 'Reply class',
  match: 'Matches',
  label: 'Label',
  timeout: 'Timeout',
  outputs: 'Leads from output',
  intro: 'Introduction',
  questionnaire: 'Questionnaire',
  item: 'Item',
  text: 'Text',
  answerOption: 'Answer option',
  talkingPoints: 'Talking point',
  outcomes: 'Outcome',
  title: 'Title',
  queue: 'Queue',
  deadline: 'Deadline',
  wait: 'Wait',
  duration: 'Duration',
  settings: 'Settings',
  attributes: 'Attribute',
  events: 'Event',
  exitCriteria: 'Exit criterion',
  goals: 'Goal',
  start: 'Start step',
  maxVisits: 'Visit cap',
};

/** Indexes count from 1, as people count; unknown keys stay as they are written in the document. */
export function fieldLabel(pointer: string): string {
  const parts: string[] = [];
  const segments = pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  segments.forEach((segment, i) => {
    // An output's name is the journey's own word (a reply class, an outcome): quoted, never translated.
    if (segments[i - 1] === 'outputs') parts.push(`"${segment}"`);
    else if (/^\d+$/.test(segment) && parts.length > 0) parts[parts.length - 1] += ` ${Number(segment) + 1}`;
    else parts.push(names[segment] ?? segment);
  });
  return parts.join(' › ');
}
