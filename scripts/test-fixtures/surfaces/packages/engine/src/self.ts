// A package's own files importing it by name do not make a name used.
import { unusedHelper } from '@x/engine';

export const selfUse = unusedHelper();
