/** Message templates (Liquid, strict variables): variables read, design-time checks, rendering and SMS segment counting. */
export { templateVariables, templateReferences } from './variables.js';
export type { TemplateProblem, TemplateReference } from './variables.js';
export { checkTemplate, BUILT_IN_PATIENT_FIELDS } from './check.js';
export type { TemplateAllowed } from './check.js';
export { renderTemplate, TemplateRenderError } from './render.js';
export { smsSegments, ucs2Characters } from './segments.js';
export type { SmsSegments } from './segments.js';
export { templateLimits } from './liquid.js';
export { htmlPart, textPart } from './email-parts.js';
export { templateContext, type TemplateJourney, type TemplatePatient } from './context.js';
