export * from './arithmetic.ts';
export * from './choice.ts';
export * from './double-double.ts';
