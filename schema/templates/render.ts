/** Renders a message template for one patient (send activity, designer preview); fails loudly instead of sending gaps. */
import { liquid, templateLimits } from './liquid.js';
import { errorPosition, parseTemplate, plain } from './variables.js';

/** Why a template could not be rendered; `variable` names the missing value when that was the cause. */
export class TemplateRenderError extends Error {
  override readonly name = 'TemplateRenderError';
  constructor(
    message: string,
    readonly position: number,
    readonly variable?: string,
  ) {
    super(message);
  }
}

/**
 * Renders synchronously with strict variables and filters. Throws `TemplateRenderError` when the template does not
 * parse, reads a value the context does not have, exceeds the memory budget, or renders longer than the output cap.
 * Dates format in UTC unless the template's `date` filter is given a zone.
 */
export function renderTemplate(source: string, context: Record<string, unknown>): string {
  const parsed = parseTemplate(source);
  if (!parsed.ok) {
    const [first] = parsed.problems;
    throw new TemplateRenderError(first.message, first.position);
  }
  let output: unknown;
  try {
    output = liquid.renderSync(parsed.templates, context);
  } catch (error) {
    throw explain(error);
  }
  const text = String(output);
  if (text.length > templateLimits.maxOutputLength) {
    throw new TemplateRenderError(
      `The rendered message is ${text.length.toLocaleString('en')} characters long; the limit is ${templateLimits.maxOutputLength.toLocaleString('en')}.`,
      0,
    );
  }
  return text;
}

function explain(error: unknown): TemplateRenderError {
  const position = errorPosition(error);
  const message = plain(error);
  const missing = /undefined variable: ([^,]+)/.exec(message);
  if (missing) {
    return new TemplateRenderError(
      `The template uses \`${missing[1]}\`, which has no value for this patient.`,
      position,
      missing[1],
    );
  }
  if (/memory alloc limit exceeded/.test(message)) {
    return new TemplateRenderError('The template produces too much text (a loop that is too long?).', position);
  }
  return new TemplateRenderError(`The template could not be rendered: ${message}.`, position);
}
