/** Journey JSON text for the JSON tab: reading it with the same limits and structure check as the server, and telling whether text and document agree. */
import { canonicalJson, JourneyDocument, parseJourneyJson } from '../../schema/index.js';

export type ParsedText = { ok: true; document: JourneyDocument } | { ok: false; message: string };

export function formatDocument(document: JourneyDocument): string {
  return JSON.stringify(document, null, 2) + '\n';
}

/** Parses the text and checks its structure; graph and step problems are left to validation, as in a draft. */
export function readDocumentText(text: string): ParsedText {
  const parsed = parseJourneyJson(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const result = JourneyDocument.safeParse(parsed.value);
  if (!result.success) {
    const first = result.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('/') || 'document'}: ${issue.message}`);
    return {
      ok: false,
      message: `Not a journey document: ${first.join('; ')}${result.error.issues.length > 3 ? '; …' : ''}`,
    };
  }
  return { ok: true, document: result.data };
}

/** True when the text already says what the document says (key order and whitespace aside), so it need not be rewritten. */
export function textMatches(text: string, document: JourneyDocument): boolean {
  const parsed = readDocumentText(text);
  return parsed.ok && canonicalJson(parsed.document) === canonicalJson(document);
}
