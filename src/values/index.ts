export * from './model.ts';
export * from './repository.ts';
export * from './rollup.ts';
