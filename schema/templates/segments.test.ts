/** SMS segment counting against GSM 03.38 and UCS-2 limits. */
import { describe, expect, it } from 'vitest';
import { smsSegments } from './index.js';

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
