/**
 * The unit test files `npm test` runs a second time on PostgreSQL
 * (PASSERELLE_TEST_ENGINE=postgres, issue 28): every file that opens the app's
 * database, found by its imports rather than kept by hand, less the files
 * tests/postgres/files.json excludes, each with its reason (about the SQLite
 * file itself).
 *
 * A file opens the app's database when an import at the start of a line takes `testServices` or
 * `configured` from tests/unit/support/services.ts (they open it on the
 * engine PASSERELLE_TEST_ENGINE names), or any value from a support module
 * that does (support/world.ts…). Type-only imports open nothing. Files that
 * run both engines themselves (`engines()` of support/postgres.ts) already do
 * so in the first run; pure tests (rules, no database) need no second run.
 *
 * `node scripts/postgres-test-files.mjs` prints the selection and the
 * exclusions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const UNIT = 'tests/unit';
const SUPPORT = `${UNIT}/support`;
/** What support/services.ts exports that opens a database: the rest (tempDir, valueOf…) opens nothing. */
const OPENERS = new Set(['testServices', 'configured']);

/** The value imports of a module from the test support folder: `[module path, names]`, type-only imports left out. */
export function supportImports(source, from) {
  const found = [];
  const pattern = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'(\.{1,2}\/[^']+)'/gm;
  for (const [, typeOnly, names, specifier] of source.matchAll(pattern)) {
    if (typeOnly) continue;
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
    if (!resolved.startsWith(`${SUPPORT}/`)) continue;
    const values = names
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '))
      .map((n) => n.split(/\s+as\s+/)[0].trim());
    if (values.length > 0) found.push([resolved.replace(/\.tsx?$/, ''), values]);
  }
  return found;
}

/** Whether a test file (given its path and text) opens the app's database, through `read` for support modules. */
export function opensDatabase(file, source, read) {
  const seen = new Set();
  const visit = (from, text) =>
    supportImports(text, from).some(([module, names]) => {
      if (module === `${SUPPORT}/services`) return names.some((n) => OPENERS.has(n));
      if (seen.has(module)) return false;
      seen.add(module);
      const text2 = read(`${module}.ts`);
      return text2 !== null && visit(`${module}.ts`, text2);
    });
  return visit(file, source);
}

function readOrNull(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The exclusions of tests/postgres/files.json: `{ file: reason }`. */
export function exclusions(root = '.') {
  return JSON.parse(readFileSync(path.join(root, 'tests/postgres/files.json'), 'utf8')).excluded;
}

/** Every unit test file that opens the app's database, sorted. */
export function databaseTestFiles(root = '.') {
  return readdirSync(path.join(root, UNIT))
    .filter((name) => /\.test\.tsx?$/.test(name))
    .map((name) => `${UNIT}/${name}`)
    .filter((file) =>
      opensDatabase(file, readFileSync(path.join(root, file), 'utf8'), (f) => readOrNull(path.join(root, f))),
    )
    .sort();
}

/** The files the PostgreSQL run takes: those that open the database, less the exclusions. */
export function postgresTestFiles(root = '.') {
  const excluded = exclusions(root);
  return databaseTestFiles(root).filter((file) => !(file in excluded));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const excluded = exclusions();
  const files = postgresTestFiles();
  console.log(`${files.length} fichiers de test rejoués sur PostgreSQL :`);
  for (const file of files) console.log(`  ${file}`);
  console.log(`${Object.keys(excluded).length} exclus :`);
  for (const [file, reason] of Object.entries(excluded)) console.log(`  ${file} — ${reason}`);
}
