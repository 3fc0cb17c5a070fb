/** The personas file: what it accepts, how its errors read, rule precedence, and dates relative to enrollment. */
import { describe, expect, it } from 'vitest';
import { ruleFor } from './behaviour.js';
import { parsePersonas, resolveAttributes, silentPersona } from './personas.js';
import { START } from './test-journeys.js';

describe('personas file', () => {
  it('accepts every kind of rule and fills in defaults', () => {
    const parsed = parsePersonas({
      personas: [
        {
          id: 'engaged',
          weight: 0.6,
          timeZone: 'America/Chicago',
          attributes: { refillDueDate: { fromStart: 'P28D' }, plan: 'commercial' },
          replies: [
            { step: 'ask-first-dose', text: '1', after: 'PT2H' },
            {
              choices: [
                { text: '1', probability: 0.7 },
                { text: '2', probability: 0.2 },
              ],
            },
          ],
          answers: [
            {
              step: 'phq',
              answers: {
                '*': '0',
                q9: [
                  { value: 1, probability: 0.1 },
                  { value: 0, probability: 0.9 },
                ],
              },
            },
            { step: 'gad', decline: true },
          ],
          taskOutcomes: [
            { outcome: 'reached', after: 'PT3H' },
            { step: 'call', choices: [{ outcome: 'voicemail', probability: 0.5 }] },
          ],
          events: [
            { name: 'refill-picked-up', after: 'P29D', every: 'P30D', times: 6, probability: 0.8 },
            { attributes: { therapy: 'stopped' }, after: 'P90D' },
            { exit: 'opted out', after: 'P100D' },
          ],
          failures: [{ step: 'welcome', channel: 'sms', fail: true }],
        },
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [p] = parsed.personas;
    expect(p.replies[1]).toMatchObject({ after: 'PT1H' });
    expect(p.failures[0]).toMatchObject({ probability: 1, error: 'simulated delivery failure' });
  });

  it('names the path of every error', () => {
    const parsed = parsePersonas({
      personas: [
        { id: 'a', timeZone: 'Mars/Olympus', replies: [{ text: '1', after: 'two hours' }] },
        {
          id: 'a',
          replies: [
            {
              choices: [
                { text: '1', probability: 0.8 },
                { text: '2', probability: 0.4 },
              ],
            },
          ],
        },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.some((e) => e.startsWith('personas/0/timeZone: must be an IANA time zone'))).toBe(true);
    expect(parsed.errors.some((e) => e.includes('personas/0/replies/0') && e.includes('after'))).toBe(true);
    expect(parsed.errors.some((e) => e.includes('add up to 1.2'))).toBe(true);
    expect(parsed.errors).toContain('personas/1/id: persona id "a" is used twice');
  });

  it('refuses an empty file', () => {
    expect(parsePersonas({ personas: [] }).ok).toBe(false);
    expect(parsePersonas(null).ok).toBe(false);
  });

  it('has a silent default persona', () => {
    expect(silentPersona).toMatchObject({ id: 'silent', weight: 1, replies: [], answers: [], taskOutcomes: [] });
  });

  it('prefers a named step over *, and a named visit over any visit', () => {
    const rules = [
      { text: 'any' },
      { step: '*', visit: 2, text: 'any second' },
      { step: 'ask', text: 'ask' },
      { step: 'ask', visit: 2, text: 'ask second' },
      { step: 'ask', text: 'ask again' },
    ];
    expect(ruleFor(rules, 'ask', 1)?.text).toBe('ask');
    expect(ruleFor(rules, 'ask', 2)?.text).toBe('ask second');
    expect(ruleFor(rules, 'other', 1)?.text).toBe('any');
    expect(ruleFor(rules, 'other', 2)?.text).toBe('any second');
    expect(ruleFor([{ step: 'ask', text: 'x' }], 'other', 1)).toBeUndefined();
  });

  it("turns { fromStart } into a date in the patient's zone", () => {
    // 15:00 UTC on 3 March is still 3 March in Chicago, but 4 March in Tokyo.
    expect(
      resolveAttributes(
        { due: { fromStart: 'P28D' }, plan: 'x', nested: { fromStart: 'P1D', other: 1 } },
        START,
        'America/Chicago',
      ),
    ).toEqual({ due: '2025-03-31', plan: 'x', nested: { fromStart: 'P1D', other: 1 } });
    expect(resolveAttributes({ due: { fromStart: 'P0D' } }, START + 10 * 3_600_000, 'Asia/Tokyo')).toEqual({
      due: '2025-03-04',
    });
  });
});
