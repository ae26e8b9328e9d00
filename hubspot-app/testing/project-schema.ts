import { z } from 'zod';

// The fields HubSpot documents for platform 2026.03 project files (developers.hubspot.com:
// "App configuration", "App cards reference", "Create a settings page", "Configure webhooks").
// Objects are strict so a misspelt or undocumented field fails the check instead of being ignored.

const uid = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/);
const httpsOrVariable = z.string().regex(/^(https:\/\/|\$\{[A-Z0-9_]+\})/);

export const hsprojectSchema = z
  .object({ name: z.string().min(1), srcDir: z.string().min(1), platformVersion: z.literal('2026.03') })
  .strict();

export const appSchema = z
  .object({
    uid,
    type: z.literal('app'),
    config: z
      .object({
        name: z
          .string()
          .min(1)
          .max(200)
          .refine((s) => s.trim() === s, 'no leading or trailing space'),
        description: z.string().min(1).max(8192),
        distribution: z.enum(['marketplace', 'private']),
        auth: z
          .object({
            type: z.enum(['oauth', 'static']),
            redirectUrls: z.array(httpsOrVariable).min(1),
            requiredScopes: z.array(z.string().min(1)).min(1),
            optionalScopes: z.array(z.string()).optional(),
            conditionallyRequiredScopes: z.array(z.string()).optional(),
          })
          .strict(),
        permittedUrls: z
          .object({
            fetch: z.array(httpsOrVariable).optional(),
            iframe: z.array(httpsOrVariable).optional(),
            img: z.array(httpsOrVariable).optional(),
          })
          .strict()
          .optional(),
        support: z
          .object({
            supportEmail: z.email(),
            documentationUrl: z.url().optional(),
            supportUrl: z.url().optional(),
            supportPhone: z.string().optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  })
  .strict();

export const cardSchema = z
  .object({
    uid,
    type: z.literal('card'),
    config: z
      .object({
        name: z.string().min(1),
        description: z.string().optional(),
        previewImage: z.object({ file: z.string(), altText: z.string() }).strict().optional(),
        location: z.enum(['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar']),
        entrypoint: z.string().regex(/^\/app\/cards\/.+\.(jsx|tsx)$/),
        objectTypes: z.array(z.string().min(1)).min(1),
      })
      .strict(),
  })
  .strict();

export const settingsSchema = z
  .object({
    uid,
    type: z.literal('settings'),
    config: z.object({ entrypoint: z.string().regex(/^\/app\/settings\/.+\.(jsx|tsx)$/) }).strict(),
  })
  .strict();

const subscription = {
  subscriptionType: z.string().regex(/^[a-z_]+\.[a-zA-Z]+$/),
  propertyName: z.string().optional(),
  active: z.boolean(),
};

export const webhooksSchema = z
  .object({
    uid,
    type: z.literal('webhooks'),
    config: z
      .object({
        settings: z
          .object({ targetUrl: httpsOrVariable, maxConcurrentRequests: z.number().int().positive() })
          .strict(),
        subscriptions: z
          .object({
            crmObjects: z
              .array(
                z
                  .object({
                    ...subscription,
                    subscriptionType: z.string().regex(/^object\.[a-zA-Z]+$/),
                    objectType: z.string().min(1),
                  })
                  .strict(),
              )
              .optional(),
            legacyCrmObjects: z.array(z.object(subscription).strict()).optional(),
            hubEvents: z.array(z.object(subscription).strict()).optional(),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

export const profileSchema = z
  .object({
    accountId: z.number().int(),
    variables: z.record(z.string().regex(/^[A-Z0-9_]+$/), z.union([z.string(), z.number(), z.boolean()])),
  })
  .strict();
