import { format } from '../shared/format.ts';

// The rules it follows: ../shared/REQUIREMENTS.md
export const card = format(' card ');
