export * from './expression.ts';
export * from './outliers.ts';
export * from './repository.ts';
export * from './rules.ts';
export * from './service.ts';
export * from './validate.ts';
