export * from './backfill.ts';
export * from './card.ts';
export * from './common.ts';
export * from './overview.ts';
export * from './settings.ts';
