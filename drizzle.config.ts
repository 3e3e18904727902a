import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new migration from the areas' model.ts files; commit it and read it in review.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/*/model.ts', './src/*/*/model.ts'],
  out: './migrations',
});
