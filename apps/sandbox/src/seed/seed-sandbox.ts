import type { SandboxPlan } from '../orchestrate/sandbox-plan.ts';
import type { SignedUiFetch } from '../orchestrate/signed-ui-fetch.ts';
import { connectAccounts } from './connect-accounts.ts';

export interface SeedResult {
  hubId: number;
  realmId: string;
  tryThis: string[];
}

export async function seedSandbox(plan: SandboxPlan, uiFetch: SignedUiFetch): Promise<SeedResult> {
  const { hubId, realmId } = await connectAccounts(plan, uiFetch);
  return { hubId, realmId, tryThis: [] };
}
