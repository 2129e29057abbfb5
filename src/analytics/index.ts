export * from './change.ts';
export * from './engine.ts';
export * from './repository.ts';
