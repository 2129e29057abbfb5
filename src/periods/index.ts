export * from './dhis2.ts';
export * from './period.ts';
export * from './regime.ts';
