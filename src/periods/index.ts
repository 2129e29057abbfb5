export * from './period.ts';
export * from './regime.ts';
