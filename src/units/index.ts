export * from './graph.ts';
export * from './model.ts';
export * from './reference-data.ts';
