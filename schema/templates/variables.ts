/** Which context variables a Liquid template reads, found by static analysis of the parsed template (no rendering). */
import type { Template } from 'liquidjs/dist/liquid.browser.mjs';
import { liquid, templateLimits } from './liquid.js';
import { LruCache } from '../lru.js';

export interface TemplateProblem {
  /** Character offset into the template source (0-based). */
  position: number;
  message: string;
}

/** One read of a context variable: its dotted path, its segments (a nested variable for `a[b.c]`) and where it is. */
export interface TemplateReference {
  path: string;
  segments: Array<string | number | { toString(): string }>;
  position: number;
}

export type ParsedTemplate = { ok: true; templates: Template[] } | { ok: false; problems: TemplateProblem[] };

/**
 * Parsed templates and their analyses, by source. Bounded by count and characters, least recently used out:
 * a long program has hundreds of distinct messages, and a cache smaller than the journey thrashes on every
 * validation (a first-in-first-out bound of 200 made validation twice as slow past 200 templates).
 */
const parsed = new LruCache<string, Template[]>(5_000, 5_000_000);
const analysed = new LruCache<string, ReturnType<typeof analyse>>(5_000, 5_000_000);

/** Parses with the shared engine, caching by source. Never throws. */
export function parseTemplate(source: string): ParsedTemplate {
  if (typeof source !== 'string')
    return { ok: false, problems: [{ position: 0, message: 'The template must be text.' }] };
  if (source.length > templateLimits.maxSourceLength) {
    return {
      ok: false,
      problems: [
        {
          position: templateLimits.maxSourceLength,
          message: `The template is longer than ${templateLimits.maxSourceLength.toLocaleString('en')} characters.`,
        },
      ],
    };
  }
  const hit = parsed.get(source);
  if (hit) return { ok: true, templates: hit };
  try {
    const templates = liquid.parse(source);
    parsed.set(source, templates, source.length);
    return { ok: true, templates };
  } catch (error) {
    return { ok: false, problems: [{ position: errorPosition(error), message: parseMessage(error) }] };
  }
}

/** Every read of a variable the template expects from its context (locals from assign/for/capture excluded), in source order. */
export function templateReferences(
  source: string,
): { ok: true; references: TemplateReference[] } | { ok: false; problems: TemplateProblem[] } {
  if (typeof source !== 'string') return analyse(source);
  const hit = analysed.get(source);
  if (hit) return hit;
  const result = analyse(source);
  analysed.set(source, result, source.length);
  return result;
}

function analyse(
  source: string,
): { ok: true; references: TemplateReference[] } | { ok: false; problems: TemplateProblem[] } {
  const result = parseTemplate(source);
  if (!result.ok) return result;
  try {
    const analysis = liquid.analyzeSync(result.templates, { partials: false });
    const lineStarts = lineStartsOf(source);
    const references: TemplateReference[] = [];
    for (const variables of Object.values(analysis.globals)) {
      for (const v of variables) {
        const line = lineStarts[v.location.row - 1] ?? 0;
        references.push({ path: v.toString(), segments: [...v.segments], position: line + v.location.col - 1 });
      }
    }
    references.sort((a, b) => a.position - b.position);
    return { ok: true, references };
  } catch (error) {
    return { ok: false, problems: [{ position: 0, message: `The template could not be analysed: ${plain(error)}.` }] };
  }
}

/** The dotted paths (e.g. `patient.firstName`) a template reads, each once, in order of first use. */
export function templateVariables(
  source: string,
): { ok: true; variables: string[] } | { ok: false; problems: TemplateProblem[] } {
  const result = templateReferences(source);
  if (!result.ok) return result;
  return { ok: true, variables: [...new Set(result.references.map((r) => r.path))] };
}

function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return starts;
}

/** liquidjs errors carry the offending token; its `begin` is the offset into the source. */
export function errorPosition(error: unknown): number {
  const begin = (error as { token?: { begin?: unknown } } | undefined)?.token?.begin;
  return typeof begin === 'number' ? begin : 0;
}

/** The error's message without liquidjs's ", line:1, col:4" suffix and source excerpt. */
export function plain(error: unknown): string {
  const message = String((error as { message?: unknown } | undefined)?.message ?? error);
  return message.split('\n')[0].replace(/, line:\d+, col:\d+$/, '');
}

function parseMessage(error: unknown): string {
  const message = plain(error);
  const filter = /^undefined filter: (.+)$/.exec(message);
  if (filter) return `\`${filter[1]}\` is not a filter that templates can use.`;
  const tag = /^tag "(.+)" not found$/.exec(message);
  if (tag) {
    return ['include', 'render', 'layout', 'block'].includes(tag[1])
      ? `\`{% ${tag[1]} %}\` is not available: a message template cannot load other templates.`
      : `\`{% ${tag[1]} %}\` is not a Liquid tag.`;
  }
  return `The template could not be read: ${message}.`;
}
