import { describe, expect, it } from '@jest/globals';
import { codesShown } from '../../../testing/peoples-words.ts';
import { describeActivity } from './activity-sentence.ts';
import {
  activityActionSchema,
  directionSchema,
  errorCategorySchema,
  linkStatusSchema,
  recordColumnSchema,
  syncObjectSchema,
} from './api/generated/api-contract.ts';
import {
  COLUMN_LABEL,
  DIRECTION_LABEL,
  ERROR_CATEGORY_EXPLANATION,
  ERROR_CATEGORY_LABEL,
  OBJECT_LABEL,
  OBJECT_SINGULAR,
  STATUS_LABEL,
} from './labels.ts';

const FORMAT = { locale: 'en-US', timeZone: 'America/New_York' };

describe('labels (R-VIS-5)', () => {
  it('label every value of the contract’s enums in words', () => {
    const labelled: [readonly string[], Readonly<Record<string, string>>][] = [
      [syncObjectSchema.options, OBJECT_LABEL],
      [syncObjectSchema.options, OBJECT_SINGULAR],
      [linkStatusSchema.options, STATUS_LABEL],
      [directionSchema.options, DIRECTION_LABEL],
      [errorCategorySchema.options, ERROR_CATEGORY_LABEL],
      [errorCategorySchema.options, ERROR_CATEGORY_EXPLANATION],
      [recordColumnSchema.options, COLUMN_LABEL],
    ];
    for (const [values, labels] of labelled) {
      const texts = values.map((v) => labels[v] ?? '');
      expect(texts.filter((t) => t.trim() === '')).toEqual([]);
      expect(codesShown(texts)).toEqual([]);
    }
  });

  it('write a sentence for every activity action, object and direction', () => {
    const sentences = activityActionSchema.options.flatMap((action) =>
      syncObjectSchema.options.flatMap((object) =>
        directionSchema.options.map((direction) =>
          describeActivity(
            {
              id: '1',
              occurredAt: '2026-03-04T14:15:00Z',
              object,
              action,
              direction,
              changedFields: [],
              error: null,
              exclusion: null,
              message: null,
              amount: object === 'payment' ? { amount: '250', currency: 'EUR' } : null,
            },
            FORMAT,
          ),
        ),
      ),
    );
    expect(sentences.filter((s) => s.trim() === '')).toEqual([]);
    expect(codesShown(sentences)).toEqual([]);
    expect(sentences).toContain('Payment of €250.00 recorded in QuickBooks, synced to HubSpot');
  });
});
