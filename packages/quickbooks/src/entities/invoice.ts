import { z } from 'zod';
import { addressSchema, customFieldSchema, entityBase, qboDecimal, refSchema } from './common.ts';

export const linkedTxnSchema = z.looseObject({
  TxnId: z.string(),
  TxnType: z.string(),
  TxnLineId: z.string().optional(),
});

export const salesLineSchema = z.looseObject({
  Id: z.string().optional(),
  LineNum: z.union([z.string(), z.number()]).optional(),
  Description: z.string().optional(),
  Amount: qboDecimal.optional(),
  DetailType: z.string(),
  SalesItemLineDetail: z
    .looseObject({
      ItemRef: refSchema.optional(),
      Qty: qboDecimal.optional(),
      UnitPrice: qboDecimal.optional(),
      ServiceDate: z.string().optional(),
      TaxCodeRef: refSchema.optional(),
      DiscountRate: qboDecimal.optional(),
      DiscountAmt: qboDecimal.optional(),
    })
    .optional(),
});
export type QboSalesLine = z.infer<typeof salesLineSchema>;

export const invoiceSchema = z.looseObject({
  ...entityBase,
  DocNumber: z.string().optional(),
  TxnDate: z.string().optional(),
  DueDate: z.string().optional(),
  CustomerRef: refSchema,
  CurrencyRef: refSchema.optional(),
  ExchangeRate: qboDecimal.optional(),
  PrivateNote: z.string().optional(),
  CustomerMemo: z.looseObject({ value: z.string() }).optional(),
  BillEmail: z.looseObject({ Address: z.string().optional() }).optional(),
  BillAddr: addressSchema.optional(),
  Line: z.array(salesLineSchema).default([]),
  TotalAmt: qboDecimal.optional(),
  Balance: qboDecimal.optional(),
  LinkedTxn: z.array(linkedTxnSchema).optional(),
  CustomField: z.array(customFieldSchema).optional(),
  TxnTaxDetail: z.looseObject({ TotalTax: qboDecimal.optional() }).optional(),
});
export type QboInvoice = z.infer<typeof invoiceSchema>;
