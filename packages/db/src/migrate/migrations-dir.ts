import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The production build bundles this module into dist/migrate.js and copies the migrations to
// dist/migrations, beside it; run from source, the repository's prisma/migrations is four folders up.
const besideBundle = fileURLToPath(new URL('./migrations', import.meta.url));
const inRepository = fileURLToPath(new URL('../../../../prisma/migrations', import.meta.url));

/** The `prisma/migrations` folder the migrate command applies, from the bundle or from source. */
export const MIGRATIONS_DIR = existsSync(besideBundle) ? besideBundle : inRepository;
