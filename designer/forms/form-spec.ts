/** Maps a JSON Schema (as zod's toJSONSchema writes it) to form field specs: the pure half of the generated inspector forms. */

/** The subset of JSON Schema zod emits for the journey language. */
export interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  $ref?: string;
}

export interface PropertySpec {
  name: string;
  label: string;
  description?: string;
  /** Present in every valid value: required by the schema, or filled in by a default when parsed. */
  present: boolean;
  spec: FieldSpec;
}

export interface ObjectSpec {
  kind: 'object';
  properties: PropertySpec[];
  default?: unknown;
}

export type FieldSpec =
  | { kind: 'text'; multiline: boolean; pattern?: string; maxLength?: number; default?: unknown }
  | { kind: 'number'; integer: boolean; min?: number; max?: number; default?: unknown }
  | { kind: 'boolean'; default?: unknown }
  | { kind: 'enum'; options: string[]; default?: unknown }
  /** An array of enum values: a set of checkboxes (weekdays, channels). */
  | { kind: 'multi'; options: string[]; default?: unknown }
  | { kind: 'const'; value: unknown }
  | ObjectSpec
  /** A discriminated union: a select for the discriminator, then the chosen option's other fields. */
  | { kind: 'union'; discriminator: string; options: Array<{ value: string; spec: ObjectSpec }>; default?: unknown }
  | { kind: 'list'; items: FieldSpec; minItems?: number; maxItems?: number; default?: unknown; rowLabel?: string }
  /** An object used as a map (attributes, events): rows of a key and a value. */
  | { kind: 'record'; values: FieldSpec; keyPattern?: string; default?: unknown; rowLabel?: string }
  /** Anything the form cannot render field by field (recursive FHIR items): edited as JSON. */
  | { kind: 'json'; default?: unknown };

/** Words written in capitals in labels. */
const acronyms = new Set(['sms', 'id', 'url', 'cel', 'ab']);

/** A property name as a label: `smsSegmentBudget` → "SMS segment budget", `maxVisits` → "Max visits". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase()
    .split(/\s+/);
  const text = words.map((w) => (acronyms.has(w) ? w.toUpperCase() : w)).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Long free text gets a textarea. */
const multilineFrom = 1000;

export function toFieldSpec(schema: JsonSchema): FieldSpec {
  const withDefault = <T extends FieldSpec>(spec: T): T =>
    schema.default !== undefined ? { ...spec, default: schema.default } : spec;
  if (schema.const !== undefined) return { kind: 'const', value: schema.const };
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) {
    const union = toUnion(variants);
    return union ? withDefault(union) : withDefault({ kind: 'json' });
  }
  if (schema.$ref) return { kind: 'json' };
  if (schema.enum) return withDefault({ kind: 'enum', options: schema.enum.map(String) });
  switch (schema.type) {
    case 'string':
      return withDefault({
        kind: 'text',
        multiline: (schema.maxLength ?? 0) >= multilineFrom,
        pattern: schema.pattern,
        maxLength: schema.maxLength,
      });
    case 'number':
    case 'integer':
      return withDefault({
        kind: 'number',
        integer: schema.type === 'integer',
        min: schema.minimum,
        max: schema.maximum,
      });
    case 'boolean':
      return withDefault({ kind: 'boolean' });
    case 'array': {
      const items = schema.items ? toFieldSpec(schema.items) : ({ kind: 'json' } as FieldSpec);
      if (items.kind === 'enum') return withDefault({ kind: 'multi', options: items.options });
      return withDefault({ kind: 'list', items, minItems: schema.minItems, maxItems: schema.maxItems });
    }
    case 'object':
      // A loose object (a FHIR resource) may hold keys no form knows of; it is edited as JSON so nothing is hidden.
      if (
        schema.properties &&
        schema.additionalProperties !== undefined &&
        schema.additionalProperties !== false &&
        Object.keys(schema.additionalProperties).length === 0
      )
        return withDefault({ kind: 'json' });
      if (schema.properties) return withDefault(toObjectSpec(schema));
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        const keys = (schema as { propertyNames?: JsonSchema }).propertyNames;
        return withDefault({
          kind: 'record',
          values: toFieldSpec(schema.additionalProperties),
          keyPattern: keys?.pattern,
        });
      }
      return withDefault({ kind: 'json' });
    default:
      return withDefault({ kind: 'json' });
  }
}

export function toObjectSpec(schema: JsonSchema, omit: readonly string[] = []): ObjectSpec {
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {})
    .filter(([name]) => !omit.includes(name))
    .map(([name, property]): PropertySpec => ({
      name,
      label: humanize(name),
      ...(property.description ? { description: property.description } : {}),
      present: required.has(name) || property.default !== undefined,
      spec: toFieldSpec(property),
    }));
  return { kind: 'object', properties };
}

/** A union of objects that share one constant property is a discriminated union; anything else is left to the JSON editor. */
function toUnion(variants: JsonSchema[]): FieldSpec | undefined {
  if (!variants.every((v) => v.type === 'object' && v.properties)) return undefined;
  const first = variants[0];
  const discriminator = Object.keys(first.properties!).find((key) =>
    variants.every((v) => v.properties![key]?.const !== undefined),
  );
  if (!discriminator) return undefined;
  return {
    kind: 'union',
    discriminator,
    options: variants.map((v) => ({
      value: String(v.properties![discriminator].const),
      spec: toObjectSpec(v, [discriminator]),
    })),
  };
}
