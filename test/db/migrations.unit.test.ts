import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderModule } from '../../db/embed-migrations';

describe('embedded migrations', () => {
  it.each(['control', 'tenant'] as const)(
    '%s.gen.ts matches the drizzle-kit SQL files (run npm run db:generate)',
    (set) => {
      const path = fileURLToPath(new URL(`../../db/migrations/${set}.gen.ts`, import.meta.url));
      expect(readFileSync(path, 'utf8')).toBe(renderModule(set));
    },
  );
});
