import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { GENERATE_COMMAND, renderUiContract, UI_CONTRACT_FILE } from './ui-contract.ts';

/** Where two texts first differ, as `line N`, for a message a person can act on. */
function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  const line = left.findIndex((text, i) => text !== right[i]);
  return `line ${(line === -1 ? left.length : line) + 1}`;
}

describe("the HubSpot UI's API contract", () => {
  it("is exactly what the server's route schemas generate", async () => {
    const path = fileURLToPath(UI_CONTRACT_FILE);
    const expected = await renderUiContract();
    const committed = await readFile(path, 'utf8').catch(() => '');
    if (committed !== expected) {
      throw new Error(
        `${path} no longer matches the server's route schemas (first difference at ${firstDifference(committed, expected)}). Run \`${GENERATE_COMMAND}\` and commit the result; then fix what the UI's type check or tests report.`,
      );
    }
    expect(committed).toBe(expected);
  });
});
