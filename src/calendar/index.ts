export * from './holidays.ts';
export * from './lunar.ts';
