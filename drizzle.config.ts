/** drizzle-kit configuration: generates SQL migrations from runtime/db/schema.ts. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './runtime/db/schema.ts',
  out: './runtime/db/migrations',
});
