export * from './dates.ts';
export * from './number-words.ts';
export * from './numbers.ts';
export * from './phrasing.ts';
export * from './text.ts';
