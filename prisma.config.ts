// Prisma 7 reads the datasource URL from here, not from schema.prisma. `prisma generate` needs no
// database, so a placeholder keeps it working on a machine with no DATABASE_URL.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused' },
});
