/** SMS segment counting against GSM 03.38 and UCS-2 limits. */
import { describe, expect, it } from 'vitest';
import { smsSegments, ucs2Characters } from './index.js';

describe('smsSegments', () => {
  it('counts GSM-7 text: 160 in one segment, 153 per segment after that', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', segments: 0, characters: 0 });
    expect(smsSegments('Hi Ada, your refill is due. Reply YES to confirm.')).toMatchObject({
      encoding: 'GSM-7',
      segments: 1,
    });
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, characters: 160 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, characters: 161 });
    expect(smsSegments('a'.repeat(306))).toEqual({ encoding: 'GSM-7', segments: 2, characters: 306 });
    expect(smsSegments('a'.repeat(307))).toEqual({ encoding: 'GSM-7', segments: 3, characters: 307 });
    expect(smsSegments('Grüße aus Köln, ¿qué tal? £5 @ 10:00 – no wait').encoding).toBe('UCS-2'); // the en dash is not GSM
    expect(smsSegments('Grüße aus Köln, ¿qué tal? £5 @ 10:00').encoding).toBe('GSM-7');
  });

  it('counts extension characters twice and never splits them across segments', () => {
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1, characters: 160 });
    expect(smsSegments('{[]}')).toMatchObject({ characters: 8 });
    expect(smsSegments('€'.repeat(81))).toMatchObject({ segments: 2, characters: 162 });
    // 152 plain septets then a 2-septet character: it moves whole into the second segment.
    expect(smsSegments('a'.repeat(152) + '€' + 'a'.repeat(152))).toMatchObject({ segments: 3, characters: 306 });
  });

  it('switches to UCS-2 for anything else: 70 in one segment, 67 after that, emoji count two units', () => {
    expect(smsSegments('Привет')).toEqual({ encoding: 'UCS-2', segments: 1, characters: 6 });
    expect(smsSegments('ç'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1, characters: 70 }); // ç is only in GSM as capital Ç
    expect(smsSegments('ç'.repeat(71))).toEqual({ encoding: 'UCS-2', segments: 2, characters: 71 });
    expect(smsSegments('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', segments: 1, characters: 70 });
    expect(smsSegments('a'.repeat(66) + '😀' + 'a'.repeat(66))).toMatchObject({ segments: 3, characters: 134 });
  });
});

describe('GSM 03.38 edge cases', () => {
  it('counts every extension-table character as two septets, each on its own', () => {
    for (const c of ['[', ']', '{', '}', '~', '^', '\\', '|', '€', '\f'])
      expect(smsSegments(c), `extension character ${JSON.stringify(c)}`).toEqual({
        encoding: 'GSM-7',
        segments: 1,
        characters: 2,
      });
    expect(smsSegments('Dose [2] ~ 10€ ^ {ok} | a\\b')).toMatchObject({ encoding: 'GSM-7', characters: 27 + 9 }); // 27 characters, 9 of them escaped;
  });

  it('fits exactly 160 septets of mixed basic and extension characters in one segment, not 161', () => {
    expect(smsSegments('a'.repeat(158) + '^')).toEqual({ encoding: 'GSM-7', segments: 1, characters: 160 });
    expect(smsSegments('a'.repeat(159) + '^')).toEqual({ encoding: 'GSM-7', segments: 2, characters: 161 });
    // 153 + 153: the second segment is full when its last character is an escape pair that fits exactly.
    expect(smsSegments('a'.repeat(153) + 'a'.repeat(151) + '|')).toMatchObject({ segments: 2, characters: 306 });
  });

  it('keeps the basic table characters that look exotic in GSM-7: Greek capitals, ¤, §, ¿, Ø, CR and LF', () => {
    expect(smsSegments('ΔΦΓΛΩΠΨΣΘΞ ¤§¿¡ ØøÅåÆæßÉ\r\n@£$¥')).toMatchObject({ encoding: 'GSM-7', characters: 30 });
  });

  it('turns UCS-2 for one emoji, a smart quote, a decomposed accent or a lower-case ç, and names the culprits', () => {
    expect(smsSegments('Hi Ada 💊 take your dose')).toMatchObject({ encoding: 'UCS-2', characters: 24 });
    expect(ucs2Characters('Hi Ada 💊 take your dose')).toEqual(['💊']);
    expect(ucs2Characters('It’s time — “today”')).toEqual(['’', '—', '“', '”']);
    expect(ucs2Characters('Zoë, Zoë')).toEqual(['ë']);
    expect(ucs2Characters('Zoe\u0308')).toEqual(['\u0308']); // e + combining diaeresis: only the precomposed é-family is GSM
    expect(ucs2Characters('Ça va, [ok] €5')).toEqual([]);
    // In UCS-2, € and the brackets are one unit like any other character.
    expect(smsSegments('€[]💊')).toEqual({ encoding: 'UCS-2', segments: 1, characters: 5 });
  });

  it('never splits an emoji (a surrogate pair) across two UCS-2 segments', () => {
    // 66 units then a 2-unit emoji: 68 does not fit a 67-unit segment, so the emoji starts the second one.
    expect(smsSegments('ä'.repeat(65) + 'ж' + '💊' + 'ж'.repeat(3))).toMatchObject({ segments: 2, characters: 71 });
    expect(smsSegments('ж'.repeat(66) + '💊' + 'ж'.repeat(65))).toMatchObject({ segments: 2, characters: 133 });
    expect(smsSegments('ж'.repeat(66) + '💊' + 'ж'.repeat(66))).toMatchObject({ segments: 3, characters: 134 });
  });
});
