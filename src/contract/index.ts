/**
 * The API's response schemas and the types inferred from them, one module per area. The server declares them on
 * its routes (and so serializes and documents every answer through them); the web page imports the types only
 * (web/src/types.ts), so a change to an answer's shape is a type error in the page, not a silent drift.
 */
export * from './admin.ts';
export * from './analytics.ts';
export * from './auth.ts';
export * from './catalogue.ts';
export * from './common.ts';
export * from './extraction.ts';
export * from './meetings.ts';
export * from './programmes.ts';
export * from './reports.ts';
export * from './submissions.ts';
export * from './transfer.ts';
