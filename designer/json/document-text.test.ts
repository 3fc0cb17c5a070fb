import { describe, expect, it } from 'vitest';
import { formatDocument, readDocumentText, textMatches } from './document-text.js';
import { firstDoseCheckIn } from '../model/fixtures.js';

describe('journey JSON text', () => {
  it('reads back what it formats', () => {
    const read = readDocumentText(formatDocument(firstDoseCheckIn));
    expect(read.ok && read.document).toEqual(firstDoseCheckIn);
    expect(textMatches(formatDocument(firstDoseCheckIn), firstDoseCheckIn)).toBe(true);
  });

  it('refuses invalid JSON and structurally wrong documents with a message', () => {
    expect(readDocumentText('{ "name": ')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not valid JSON'),
    });
    const wrong = readDocumentText(JSON.stringify({ ...firstDoseCheckIn, steps: { a: { type: 'teleport' } } }));
    expect(wrong).toMatchObject({ ok: false, message: expect.stringContaining('Not a journey document') });
  });

  it('sees a changed document as different text', () => {
    const renamed = { ...firstDoseCheckIn, name: 'Other' };
    expect(textMatches(formatDocument(firstDoseCheckIn), renamed)).toBe(false);
  });
});
