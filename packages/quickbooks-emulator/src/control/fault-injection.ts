import { z } from 'zod';

export const faultRuleSchema = z.object({
  /** Matches when the request path contains this string. */
  path: z.string().min(1),
  method: z.string().optional(),
  count: z.number().int().positive().default(1),
  status: z.number().int().min(100).max(599).optional(),
  /** A QBO Fault body (`{Error:[...], type}`) to send with `status`. */
  fault: z
    .object({
      Error: z.array(
        z.object({
          Message: z.string(),
          Detail: z.string(),
          code: z.string(),
          element: z.string().optional(),
        }),
      ),
      type: z.string(),
    })
    .optional(),
  delayMs: z.number().int().nonnegative().optional(),
  /** Destroy the connection without answering. */
  drop: z.boolean().optional(),
});

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultRuleInput = z.input<typeof faultRuleSchema>;

/** Rules consumed one request at a time: "the next N requests matching a path". */
export class FaultInjector {
  private rules: Array<FaultRule & { remaining: number }> = [];

  add(input: FaultRuleInput): void {
    const rule = faultRuleSchema.parse(input);
    this.rules.push({ ...rule, remaining: rule.count });
  }

  take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find(
      (r) =>
        r.remaining > 0 &&
        path.includes(r.path) &&
        (r.method === undefined || r.method.toUpperCase() === method),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return rule;
  }

  clear(): void {
    this.rules = [];
  }
}
