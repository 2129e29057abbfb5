export * from './catalogue.ts';
export * from './model.ts';
export * from './registry.ts';
