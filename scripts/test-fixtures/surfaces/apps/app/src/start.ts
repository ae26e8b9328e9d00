import { dec, type Plan, plan, rules } from '@x/engine';
import * as store from '@x/store';

// import { sameDecimal } from '@x/engine';  (a comment is no import)
export const internalThing = 1;
export function startApp(): { plan: Plan; rows: store.Row[]; allowed: boolean; amount: string } {
  return { plan: plan(), rows: store.open(), allowed: rules.allow(), amount: dec('1.00') };
}
