/** Answers from a contained ValueSet (`answerValueSet: "#id"`), as published forms carry them, turned into answer options. */
import { ORDINAL_VALUE_URL, ordinalUrls } from './items.js';

/** The STU3 name of the score on a ValueSet concept, still common in LOINC-derived forms. */
export const VALUESET_ORDINAL_URL = 'http://hl7.org/fhir/StructureDefinition/valueset-ordinalValue';

interface RawExtension {
  url?: unknown;
  valueDecimal?: unknown;
  valueInteger?: unknown;
}
interface RawConcept {
  system?: unknown;
  code?: unknown;
  display?: unknown;
  extension?: RawExtension[];
}

export interface ImportedOption {
  valueCoding: { system?: string; code: string; display?: string };
  extension?: Array<{ url: string; valueDecimal: number }>;
}

/** The answer lists of the contained ValueSets, by `#id`: from `expansion.contains` if present, else `compose.include.concept`. */
export function containedAnswerLists(contained: unknown): Map<string, ImportedOption[]> {
  const lists = new Map<string, ImportedOption[]>();
  if (!Array.isArray(contained)) return lists;
  for (const resource of contained as Array<Record<string, unknown>>) {
    if (resource?.resourceType !== 'ValueSet' || typeof resource.id !== 'string') continue;
    const expansion = (resource.expansion as { contains?: RawConcept[] } | undefined)?.contains;
    const included = (
      (resource.compose as { include?: Array<{ system?: unknown; concept?: RawConcept[] }> })?.include ?? []
    ).flatMap((include) => (include.concept ?? []).map((concept) => ({ system: include.system, ...concept })));
    const concepts = Array.isArray(expansion) && expansion.length > 0 ? expansion : included;
    lists.set(`#${resource.id}`, concepts.flatMap(optionOf));
  }
  return lists;
}

/** A score from any of the names it goes by (ordinalValue, itemWeight, iso21090-CO-value, valueset-ordinalValue). */
export function scoreIn(extensions: unknown): number | undefined {
  if (!Array.isArray(extensions)) return undefined;
  const found = (extensions as RawExtension[]).find(
    (ext) => typeof ext?.url === 'string' && (ordinalUrls.has(ext.url) || ext.url === VALUESET_ORDINAL_URL),
  );
  const value = found?.valueDecimal ?? found?.valueInteger;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The one form Carepath writes a score in: R4's ordinalValue on the answer option. */
export function ordinalExtension(score: number): { url: string; valueDecimal: number } {
  return { url: ORDINAL_VALUE_URL, valueDecimal: score };
}

function optionOf(concept: RawConcept): ImportedOption[] {
  if (typeof concept.code !== 'string' || concept.code.trim() === '') return [];
  const score = scoreIn(concept.extension);
  return [
    {
      valueCoding: {
        ...(typeof concept.system === 'string' ? { system: concept.system } : {}),
        code: concept.code,
        ...(typeof concept.display === 'string' ? { display: concept.display } : {}),
      },
      ...(score !== undefined ? { extension: [ordinalExtension(score)] } : {}),
    },
  ];
}
