// Named from here: ./other.ts and ../src/other.ts exist, ./gone.ts does not.
// Named from the repository: src/other.ts exists; ports/missing-gateway.ts does not.
/**
 * Not files of ours, or not paths: https://example.com/src/gone.ts, a bare name (host.js),
 * `.data/out.json` (git ignores it), `bench/results/<date>.json`, `*.int.test.ts`,
 * `@hubspot/ui-extensions/dist/index.js`, hubspot.fetch.
 */
export const inCode = './nowhere.ts';
export const inTemplate = `${inCode}/gone/again.ts`;
export const inRegex = /lib\/gone\.ts/;
