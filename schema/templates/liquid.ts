/** The one Liquid engine every template goes through: strict, synchronous, no partials, no clock, no randomness, bounded. */
import { Liquid } from 'liquidjs/dist/liquid.browser.mjs';

export const templateLimits = {
  /** Matches the message step's schema limit on template length. */
  maxSourceLength: 20_000,
  /** Rendered text longer than this is refused (an email body; SMS has its own segment budget). */
  maxOutputLength: 100_000,
  /** liquidjs's allocation budget per render: stops `{% for i in (1..100000000) %}` and doubling loops. */
  memoryLimit: 2_000_000,
  /** Last resort against slow renders; memoryLimit normally stops them first, deterministically. */
  renderLimitMs: 1_000,
};

/** Tags that read other templates (I/O in liquidjs); messages are self-contained. */
export const REMOVED_TAGS = ['include', 'render', 'layout', 'block'];
/** `sample` is random; `sha256`/`hmac_sha256` are asynchronous in the browser build and render as "[object Promise]". */
export const REMOVED_FILTERS = ['sample', 'shuffle', 'sha256', 'hmac_sha256'];
/** Date filters, which would read the clock for "now"/"today". */
const DATE_FILTERS = ['date', 'date_to_xmlschema', 'date_to_rfc822', 'date_to_string', 'date_to_long_string'];

type FilterFn = (this: unknown, ...args: unknown[]) => unknown;

function createLiquid(): Liquid {
  const liquid = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    // `{% if patient.nickname %}` and `| default:` work for optional attributes instead of failing the send.
    lenientIf: true,
    // An in-memory, empty file system: nothing can be loaded even if a partial tag slipped through.
    templates: {},
    // Dates render in UTC and English unless a format says otherwise, so output never depends on the machine.
    timezoneOffset: 0,
    locale: 'en-US',
    parseLimit: templateLimits.maxSourceLength,
    memoryLimit: templateLimits.memoryLimit,
    renderLimit: templateLimits.renderLimitMs,
  });
  for (const tag of REMOVED_TAGS) delete liquid.tags[tag];
  for (const filter of REMOVED_FILTERS) liquid.unregisterFilter(filter);
  for (const name of DATE_FILTERS) {
    const original = liquid.filters[name] as unknown as FilterFn | undefined;
    if (typeof original !== 'function') continue;
    liquid.registerFilter(name, function (this: unknown, value: unknown, ...args: unknown[]) {
      if (value === 'now' || value === 'today')
        throw new Error(
          `"${value}" is not allowed in templates: the send time is not known when the message is designed`,
        );
      return original.call(this, value, ...args);
    });
  }
  return liquid;
}

/** Shared, because building the engine and its filter table is the expensive part. */
export const liquid = createLiquid();
