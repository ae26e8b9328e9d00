export { open, type Row } from './open.ts';
