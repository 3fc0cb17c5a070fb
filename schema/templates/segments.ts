/** SMS segment counting (GSM 03.38 / UCS-2), for the policy that an SMS stays within its segment budget. */

/** GSM 03.38 basic character set: one septet each. (ESC, 0x1B, is not a character a message can contain.) */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** GSM 03.38 extension table: sent as ESC + character, so two septets each. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  /** Segments the text is sent as; 0 for empty text. */
  segments: number;
  /** Units counted against the limits: septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  characters: number;
}

/**
 * How an SMS with this text is encoded and how many segments it takes: one segment holds 160 GSM-7 septets or
 * 70 UCS-2 units; a concatenated message loses room to its header and holds 153 or 67 per segment. A character never
 * straddles two segments (an ESC pair or a surrogate pair moves whole to the next one), as handsets do.
 */
export function smsSegments(text: string): SmsSegments {
  const chars = Array.from(text);
  const gsm = chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c));
  const widths = gsm ? chars.map((c) => (GSM_EXTENSION.has(c) ? 2 : 1)) : chars.map((c) => c.length);
  const characters = widths.reduce((sum, w) => sum + w, 0);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  return {
    encoding: gsm ? 'GSM-7' : 'UCS-2',
    segments: characters === 0 ? 0 : characters <= single ? 1 : pack(widths, multi),
    characters,
  };
}

/**
 * The distinct characters that are in neither GSM 03.38 table, in the order they first appear: what turns a message
 * into UCS-2 (and cuts a segment from 160 to 70), so an author can see which character to replace.
 */
export function ucs2Characters(text: string): string[] {
  const found = new Set<string>();
  for (const c of text) if (!GSM_BASIC.has(c) && !GSM_EXTENSION.has(c)) found.add(c);
  return [...found];
}

function pack(widths: number[], size: number): number {
  let segments = 1;
  let used = 0;
  for (const w of widths) {
    if (used + w > size) {
      segments++;
      used = 0;
    }
    used += w;
  }
  return segments;
}
