export * from './money.ts';
export { type Plan, plan, unusedHelper } from './plan.ts';
export * as rules from './rules.ts';

export const VERSION = 1;
