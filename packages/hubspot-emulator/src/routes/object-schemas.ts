import { z } from 'zod';

export const PropertyValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const AssociationSpec = z.object({
  associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
  associationTypeId: z.number().int(),
});

export const CreateAssociation = z.object({
  to: z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
  types: z.array(AssociationSpec).min(1),
});

export const CreateInput = z.object({
  properties: PropertyValues,
  associations: z.array(CreateAssociation).optional(),
  objectWriteTraceId: z.string().optional(),
});

export const UpdateInput = z.object({
  properties: PropertyValues,
  objectWriteTraceId: z.string().optional(),
});

const Id = z.union([z.string(), z.number()]).transform(String);

/** POST /crm/v3/objects/{objectType}/merge. */
export const MergeInput = z.object({ primaryObjectId: Id, objectIdToMerge: Id });
const MAX_BATCH = 100;

export const BatchRead = z.object({
  inputs: z.array(z.object({ id: Id })).max(MAX_BATCH),
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
});

export const BatchCreate = z.object({ inputs: z.array(CreateInput).max(MAX_BATCH) });

export const BatchUpdate = z.object({
  inputs: z
    .array(
      z.object({
        id: Id,
        idProperty: z.string().optional(),
        properties: PropertyValues,
        objectWriteTraceId: z.string().optional(),
      }),
    )
    .max(MAX_BATCH),
});

export const BatchUpsert = z.object({
  inputs: z
    .array(
      z.object({
        id: Id,
        idProperty: z.string(),
        properties: PropertyValues,
        objectWriteTraceId: z.string().optional(),
      }),
    )
    .max(MAX_BATCH),
});

export const BatchArchive = z.object({ inputs: z.array(z.object({ id: Id })).max(MAX_BATCH) });
