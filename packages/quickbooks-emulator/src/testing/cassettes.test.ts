import { describe, expect, it } from '@jest/globals';
import { cassetteNames, missingShape, readCassette } from './cassettes.ts';

describe('cassette reader', () => {
  it('reads every recorded interaction body as JSON', () => {
    let count = 0;
    for (const name of cassetteNames()) {
      for (const i of readCassette(name)) {
        if (i.responseBody.startsWith('{')) {
          expect(() => JSON.parse(i.responseBody)).not.toThrow();
          count += 1;
        }
      }
    }
    expect(count).toBeGreaterThan(20);
  });

  it('finds shape differences', () => {
    expect(missingShape({ a: { b: 1 } }, { a: { b: 2 } })).toEqual([]);
    expect(missingShape({ a: { b: 1 } }, { a: { b: '2' } })).toEqual(['a.b:number']);
  });
});
