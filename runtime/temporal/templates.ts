/** What a message template sees at send time (the schema's template context) and the strict Liquid that renders it. */
export { renderTemplate, templateContext } from '../../schema/templates/index.js';
export type { TemplateJourney, TemplatePatient } from '../../schema/templates/index.js';
