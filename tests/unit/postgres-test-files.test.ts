/**
 * Which test files `npm test` runs again on PostgreSQL (issue 28, item 3):
 * found by their imports (scripts/postgres-test-files.mjs), less a short list
 * of files about the SQLite file itself, each with its reason.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  databaseTestFiles,
  exclusions,
  opensDatabase,
  postgresTestFiles,
  supportImports,
} from '../../scripts/postgres-test-files.mjs';

const FILE = 'tests/unit/x.test.ts';
const none = () => null;

describe('the files run again on PostgreSQL', () => {
  it.each([
    ["import { configured, valueOf } from './support/services';", true],
    ["import {\n  caller,\n  testServices,\n} from './support/services';", true],
    ["import { tempDir, fakeClock, valueOf } from './support/services';", false],
    ["import type { configured } from './support/services';", false],
    ["import { type configured, valueOf } from './support/services';", false],
    ["import { configured as setUp } from './support/services';", true],
    ["import { configured } from '../../src-main/app/services';", false],
    ["import { engines, openTestDatabase } from './support/postgres';", false],
    ["import { addDays } from '../../src-main/shared/dates';", false],
    ['const example = "import { configured } from \'./support/services\';";', false],
  ])('reads %j as opening the database: %s', (source, expected) => {
    expect(opensDatabase(FILE, source, none)).toBe(expected);
  });

  it('follows a support module that opens it, and stops at one that does not', () => {
    const modules: Record<string, string> = {
      'tests/unit/support/world.ts':
        "import { caller, configured } from './services';\nimport { mesp } from './worksites';",
      'tests/unit/support/worksites.ts': "import type { configured } from './services';",
    };
    const read = (file: string) => modules[file] ?? null;
    expect(opensDatabase(FILE, "import { buildWorld } from './support/world';", read)).toBe(true);
    expect(opensDatabase(FILE, "import { mesp } from './support/worksites';", read)).toBe(false);
    expect(supportImports("import { a, type B, c as d } from './support/world';", FILE)).toEqual([
      ['tests/unit/support/world', ['a', 'c']],
    ]);
  });

  it('takes the RPC and data-layer files, leaves the pure ones and those running both engines themselves', () => {
    const files = postgresTestFiles();
    expect(files).toEqual(
      expect.arrayContaining([
        'tests/unit/people.test.ts',
        'tests/unit/stats.test.ts',
        'tests/unit/tx-kinds.test.ts',
        'tests/unit/permissions.test.ts',
      ]),
    );
    for (const pure of ['tests/unit/rules.test.ts', 'tests/unit/pay-rules.test.ts', 'tests/unit/routes.test.ts'])
      expect(files).not.toContain(pure);
    // This file quotes imports in its cases, and opens no database.
    expect(files).not.toContain('tests/unit/postgres-test-files.test.ts');
    // Their own `engines()` runs them on both engines in the first run already.
    expect(files).not.toContain('tests/unit/engine-differences.test.ts');
    expect(files).not.toContain('tests/unit/migrator-engines.test.ts');
  });

  it('excludes only files that exist and would be taken otherwise, each with its reason', () => {
    const excluded = exclusions();
    const taken = databaseTestFiles();
    // The journal's tampering cases and the anonymisation's byte search run on PostgreSQL too (issue 28).
    for (const file of ['tests/unit/journal-tampering.test.ts', 'tests/unit/rgpd.test.ts'])
      expect(postgresTestFiles()).toContain(file);
    for (const [file, reason] of Object.entries(excluded)) {
      expect(existsSync(file), file).toBe(true);
      expect(taken, file).toContain(file);
      expect(reason.length, file).toBeGreaterThan(20);
      expect(postgresTestFiles()).not.toContain(file);
    }
  });
});
