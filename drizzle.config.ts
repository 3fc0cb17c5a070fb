/** drizzle-kit configuration: generates SQL migrations from the tables runtime/db/schema.ts gathers (runtime/db/tables/). */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './runtime/db/schema.ts',
  out: './runtime/db/migrations',
});
