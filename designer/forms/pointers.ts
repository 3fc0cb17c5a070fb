/** Matching validation problems to form fields by JSON pointer (RFC 6901), so each problem shows under the field it is about. */
import { pointerToken, type Problem } from '../../schema/index.js';
import type { Path } from './form-values.js';
import type { FieldSpec } from './form-spec.js';

export function pointerOf(base: string, path: Path): string {
  return base + path.map((token) => `/${pointerToken(token)}`).join('');
}

/** Problems about exactly this field. */
export function problemsAt(problems: readonly Problem[], pointer: string): Problem[] {
  return problems.filter((p) => p.pointer === pointer);
}

/** Problems no rendered field claims (about the step as a whole, or a field the form does not show): listed at the top. */
export function unclaimedProblems(problems: readonly Problem[], fieldPointers: ReadonlySet<string>): Problem[] {
  return problems.filter((p) => !fieldPointers.has(p.pointer));
}

/** The key a hand-made widget is registered under: the path joined by slashes, with each row number written as an asterisk. */
export function widgetKey(path: Path): string {
  return path.map((token) => (typeof token === 'number' ? '*' : token)).join('/');
}

/** A stable test id for a field from its path: `field-split-bands-0-min`. */
export function fieldTestId(prefix: string, path: Path): string {
  return [prefix, ...path].join('-');
}

/** Every pointer the form renders a field for, given the current value: what problems can be shown beside. The root is the form, not a field. */
export function fieldPointers(spec: FieldSpec, value: unknown, base: string): Set<string> {
  const out = collectPointers(spec, value, base, new Set());
  out.delete(base);
  return out;
}

function collectPointers(spec: FieldSpec, value: unknown, pointer: string, out: Set<string>): Set<string> {
  out.add(pointer);
  const object = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  switch (spec.kind) {
    case 'object':
      for (const property of spec.properties) {
        const child = `${pointer}/${pointerToken(property.name)}`;
        if (object[property.name] !== undefined) collectPointers(property.spec, object[property.name], child, out);
        else out.add(child);
      }
      break;
    case 'union': {
      out.add(`${pointer}/${pointerToken(spec.discriminator)}`);
      const option = spec.options.find((o) => o.value === object[spec.discriminator]);
      if (option) collectPointers(option.spec, value, pointer, out);
      break;
    }
    case 'list':
      if (Array.isArray(value)) value.forEach((item, i) => collectPointers(spec.items, item, `${pointer}/${i}`, out));
      break;
    case 'record':
      for (const [key, item] of Object.entries(object))
        collectPointers(spec.values, item, `${pointer}/${pointerToken(key)}`, out);
      break;
    default:
      break;
  }
  return out;
}
