// A .js file's comments are not read for paths: lib/gone.js.
export const script = 1;
