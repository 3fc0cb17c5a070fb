import { describe, expect, it } from 'vitest';
import { bandOf, scoreBands, withScoreBands } from './bands.js';
import { importQuestionnaire } from './import.js';
import { exportQuestionnaire } from './export.js';
import { parseSmsAnswer, questionText } from './sms-dialogue.js';
import { Questionnaire } from './questionnaire.js';

const base = Questionnaire.parse({
  resourceType: 'Questionnaire',
  id: 'b',
  title: 'B',
  status: 'draft',
  extension: [{ url: 'http://example.org/other', valueString: 'kept' }],
  item: [
    { linkId: 'kg', text: 'Your weight in kg', type: 'decimal' },
    { linkId: 'why', text: 'Why?', type: 'text' },
  ],
});
const bands = [
  { code: 'minimal', label: 'Minimal', min: 0, max: 4 },
  { code: 'mild', label: 'Mild', min: 5, max: 9 },
];

describe('score bands', () => {
  it('live in the questionnaire beside its other extensions and survive export and import', () => {
    const banded = withScoreBands(base, bands);
    expect(scoreBands(banded)).toEqual(bands);
    expect((banded as { extension?: unknown[] }).extension?.[0]).toEqual({
      url: 'http://example.org/other',
      valueString: 'kept',
    });
    expect(bandOf(bands, 7)?.label).toBe('Mild');
    expect(bandOf(bands, 12)).toBeUndefined();
    const again = importQuestionnaire(JSON.parse(JSON.stringify(exportQuestionnaire(banded))));
    expect(scoreBands(again.questionnaire!)).toEqual(bands);
    expect(scoreBands(withScoreBands(banded, []))).toEqual([]);
  });
});

describe('numbers and words by SMS', () => {
  it('reads a decimal with a point or a comma, and free text as the patient wrote it', () => {
    expect(questionText(base, 'kg', { progress: false })).toBe('Your weight in kg. Reply with a number');
    expect(parseSmsAnswer(base, 'kg', '72,5')).toEqual({ ok: true, answer: 72.5 });
    expect(parseSmsAnswer(base, 'kg', 'heavy')).toMatchObject({ ok: false });
    expect(parseSmsAnswer(base, 'why', '  I was Travelling. ')).toEqual({ ok: true, answer: 'I was Travelling.' });
    expect(parseSmsAnswer(base, 'why', '   ')).toMatchObject({ ok: false });
  });
});
