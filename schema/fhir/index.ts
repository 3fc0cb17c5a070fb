/** FHIR R4 assessments: the Questionnaire schema, scoring, QuestionnaireResponse export and SMS delivery. No I/O. */
export * from './questionnaire.js';
export * from './answers.js';
export * from './scoring.js';
export * from './parse.js';
export * from './response.js';
export * from './sms-dialogue.js';
