import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'turso',
  schema: './db/schema/tenant.ts',
  out: './db/migrations/tenant',
});
