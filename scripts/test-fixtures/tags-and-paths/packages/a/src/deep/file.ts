// Named from the workspace: src/util.ts exists, src/gone.ts does not.
export const file = 1;
