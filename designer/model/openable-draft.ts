/** A stored draft made safe to put on the canvas: drafts are saved whatever their structure, so one written by hand or by the API may lack the frame the canvas walks (steps, outputs). */
import type { JourneyDocument, Step } from '../../schema/index.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The draft itself when its frame is sound (so a draft reopens exactly as left); otherwise a copy with the least
 * repaired for the canvas to draw it: `steps` an object of step objects, each with a `type` and an `outputs` object
 * of step ids. Everything else (fields, problems) stays for the author to see and fix.
 */
export function openableDraft(draft: JourneyDocument): JourneyDocument {
  const raw = draft as unknown as Record<string, unknown>;
  const steps = isRecord(raw.steps) ? raw.steps : {};
  let repaired = steps !== raw.steps;
  const openable: Record<string, Step> = {};
  for (const [id, value] of Object.entries(steps)) {
    if (!isRecord(value)) {
      repaired = true;
      continue;
    }
    const outputs = isRecord(value.outputs) ? value.outputs : {};
    const links = Object.fromEntries(Object.entries(outputs).filter(([, target]) => typeof target === 'string'));
    const type = typeof value.type === 'string' ? value.type : 'unknown';
    if (outputs !== value.outputs || Object.keys(links).length !== Object.keys(outputs).length || type !== value.type)
      repaired = true;
    openable[id] = { ...value, type, outputs: links } as unknown as Step;
  }
  const layoutOk = raw.layout === undefined || (isRecord(raw.layout) && isRecord(raw.layout.steps));
  if (!repaired && layoutOk) return draft;
  const { layout: _layout, ...rest } = draft;
  return { ...rest, steps: openable, ...(layoutOk && draft.layout ? { layout: draft.layout } : {}) };
}
