import { parseArgs } from 'node:util';
import { PlanTier } from '../generated/prisma/enums.ts';

export const PLAN_USAGE =
  'usage: npm run plan:set -- --portal <HubSpot account id> --plan <free|starter|professional|enterprise>';

export type PlanArgs = { ok: true; hubId: bigint; plan: PlanTier } | { ok: false; error: string };

const TIERS = Object.values(PlanTier);

/** `--portal <hubId> --plan <tier>`, each required once; anything else is refused with the reason. */
export function parsePlanArgs(argv: readonly string[]): PlanArgs {
  let values: { portal?: string | undefined; plan?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { portal: { type: 'string' }, plan: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  if (!values.portal) return { ok: false, error: '--portal is required (the HubSpot account id)' };
  if (!/^\d{1,20}$/.test(values.portal))
    return { ok: false, error: `--portal must be a HubSpot account id (digits), got "${values.portal}"` };
  if (!values.plan) return { ok: false, error: `--plan is required (one of ${TIERS.join(', ')})` };
  const plan = TIERS.find((t) => t === values.plan);
  if (!plan) return { ok: false, error: `unknown plan "${values.plan}": use one of ${TIERS.join(', ')}` };
  return { ok: true, hubId: BigInt(values.portal), plan };
}
