import { z } from 'zod';

/** A CRM record as the SDK hands it back: every property value is a string (or null). */
export const hubspotObjectSchema = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  createdAt: z.union([z.date(), z.string()]).transform(toIso),
  updatedAt: z.union([z.date(), z.string()]).transform(toIso),
  archived: z.boolean().optional(),
  new: z.boolean().optional(),
  /** Upsert answers: `new` as the SDK's model names it (true when the upsert created the record). */
  _new: z.boolean().optional(),
});
export type HubSpotObject = z.infer<typeof hubspotObjectSchema>;

function toIso(value: Date | string): string {
  return new Date(value).toISOString();
}

const standardErrorSchema = z
  .object({
    status: z.string().optional(),
    category: z.string().optional(),
    message: z.string(),
    context: z.record(z.string(), z.array(z.string())).optional(),
  })
  .loose();
export type StandardError = z.infer<typeof standardErrorSchema>;

/** Batch responses: 200/201 `{results}` or 207 `{results, errors, numErrors}`. */
export const batchResponseSchema = z
  .object({
    results: z.array(hubspotObjectSchema),
    errors: z.array(standardErrorSchema).optional(),
  })
  .loose();

export type Properties = Record<string, string>;
