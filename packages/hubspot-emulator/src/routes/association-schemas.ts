import { z } from 'zod';
import { AssociationSpec } from './object-schemas.ts';

const Id = z.union([z.string(), z.number()]).transform(String);
const Ref = z.object({ id: Id });
const MAX = 1000;

export const SpecList = z.array(AssociationSpec);
export const BatchDefault = z.object({ inputs: z.array(z.object({ from: Ref, to: Ref })).max(MAX) });
export const BatchCreateLinks = z.object({
  inputs: z.array(z.object({ from: Ref, to: Ref, types: z.array(AssociationSpec).min(1) })).max(MAX),
});
export const BatchReadLinks = z.object({
  inputs: z.array(z.object({ id: Id, after: z.string().optional() })).max(MAX),
});
export const BatchArchiveLinks = z.object({
  inputs: z.array(z.object({ from: Ref, to: z.array(Ref) })).max(MAX),
});
export const NewLabel = z.object({
  label: z.string().min(1),
  name: z.string().min(1),
  inverseLabel: z.string().optional(),
});
export const UpdateLabel = z.object({
  associationTypeId: z.number().int(),
  label: z.string().min(1),
  inverseLabel: z.string().optional(),
});
