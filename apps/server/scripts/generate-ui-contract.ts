// Writes the HubSpot UI's API contract from the server's route schemas: `npm run contract:generate`.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderUiContract, UI_CONTRACT_FILE } from '../src/ui-contract/ui-contract.ts';

const path = fileURLToPath(UI_CONTRACT_FILE);
await mkdir(new URL('.', UI_CONTRACT_FILE), { recursive: true });
await writeFile(path, await renderUiContract());
console.log(`wrote ${path}`);
