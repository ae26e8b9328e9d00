import { z } from 'zod';

// Entity schemas read what LedgerSync uses and keep everything else (loose objects), so a full
// update can send back what it read. Numbers arrive as exact strings (see exact-json.ts).

/** A QBO amount, kept as the exact decimal text QBO wrote. */
export const qboDecimal = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/));

/** A count (startPosition, maxResults, totalCount). */
export const qboInt = z.union([z.string(), z.number()]).transform((v) => Number(v));

export const qboBool = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((v) => v === true || v === 'true');

export const refSchema = z.looseObject({ value: z.string(), name: z.string().optional() });
export type QboRef = z.infer<typeof refSchema>;

export const metaDataSchema = z.looseObject({
  CreateTime: z.string().optional(),
  LastUpdatedTime: z.string().optional(),
});

export const entityBase = {
  Id: z.string(),
  SyncToken: z.string(),
  MetaData: metaDataSchema.optional(),
  domain: z.string().optional(),
  sparse: z.unknown().optional(),
  status: z.string().optional(),
};

export const addressSchema = z.looseObject({
  Line1: z.string().optional(),
  Line2: z.string().optional(),
  City: z.string().optional(),
  CountrySubDivisionCode: z.string().optional(),
  PostalCode: z.string().optional(),
  Country: z.string().optional(),
});

export const customFieldSchema = z.looseObject({
  DefinitionId: z.string(),
  Name: z.string().optional(),
  Type: z.string().optional(),
  StringValue: z.string().optional(),
  NumberValue: qboDecimal.optional(),
  DateValue: z.string().optional(),
  BooleanValue: qboBool.optional(),
});
