/** FHIR R4 assessments: the Questionnaire schema, scoring, conditions, bands, import/export, QuestionnaireResponse and SMS delivery. No I/O. */
export * from './questionnaire.js';
export * from './answers.js';
export * from './scoring.js';
export * from './parse.js';
export * from './response.js';
export * from './sms-dialogue.js';
export * from './enable-when.js';
export * from './labels.js';
export * from './bands.js';
export * from './import.js';
export * from './export.js';
