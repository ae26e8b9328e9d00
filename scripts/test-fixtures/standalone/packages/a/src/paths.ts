import { join } from 'node:path';

export const outside = join(import.meta.dirname, '../../../../elsewhere/data.json');
export const inside = new URL('../../../docs/facts.md', import.meta.url);
export const absolute = '/work/shared/REQUIREMENTS.md';
export const route = '/files/../../etc/passwd';
