/**
 * Who may do what is written in two places only: the permission matrix
 * (`app/permissions.ts`) and the capabilities (`shared/capabilities.ts`, which
 * the renderer shares). Everywhere else a role is a value (`user.role`) handed
 * to one of their functions, never a literal: a new role, or a role that gains
 * a right, then changes one file. This test reads every source file of main and
 * the renderer and fails on a role name written as a string (or inside a SQL
 * template), outside those files and the list of roles itself.
 *
 * A table keyed by role (`Record<Role, …>` with `administrateur: …` keys) is no
 * decision about a role: the compiler keeps it complete, so it is allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src-main/shared/contract/users';

const ROOT = join(__dirname, '..', '..');
const SOURCES = ['src-main', 'src-renderer/src'];

/** Where roles may be named. Migrations are frozen in time (they never import the code they predate). */
const ALLOWED = ['src-main/app/permissions.ts', 'src-main/shared/capabilities.ts', 'src-main/shared/contract/users.ts'];
const ALLOWED_FOLDERS = ['src-main/db/migrations/'];

/**
 * Words that are also a role's name but mean something else: an evaluation
 * written by the supervisor (`evaluator: 'encadrant'`), an annex time with the
 * psychologist (`kind: 'psychologue'`). Each entry is the file and the word;
 * an entry no longer needed fails too, so the list only shrinks.
 */
const HOMONYMS: { file: string; word: string; means: string }[] = [
  { file: 'src-main/shared/contract/evaluations.ts', word: 'encadrant', means: 'the evaluator (EVALUATORS)' },
  { file: 'src-main/domain/evaluations.ts', word: 'encadrant', means: 'the evaluator' },
  { file: 'src-renderer/src/features/evaluations/EvaluationTab.tsx', word: 'encadrant', means: 'the evaluator' },
  { file: 'src-renderer/src/features/evaluations/SkillsChart.tsx', word: 'encadrant', means: 'the evaluator' },
  {
    file: 'src-main/shared/contract/worksites.ts',
    word: 'psychologue',
    means: 'an annex time with the psychologist (ANNEX_KINDS)',
  },
  {
    file: 'src-main/db/repositories/evaluations.ts',
    word: 'psychologue',
    means: 'an annex time with the psychologist',
  },
];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

interface Found {
  file: string;
  line: number;
  word: string;
}

/** Role names written as strings, or quoted inside a template (SQL: `where role = 'administrateur'`). */
export function roleLiterals(file: string, text: string): Found[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Found[] = [];
  const at = (node: ts.Node, word: string) =>
    found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, word });
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if ((ROLES as readonly string[]).includes(node.text)) at(node, node.text);
      else if (ts.isNoSubstitutionTemplateLiteral(node))
        for (const role of ROLES) if (node.text.includes(`'${role}'`)) at(node, role);
    } else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      for (const role of ROLES) if (node.text.includes(`'${role}'`)) at(node, role);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const scanned = SOURCES.flatMap(sourceFiles)
  .filter((file) => !ALLOWED.includes(file) && !ALLOWED_FOLDERS.some((folder) => file.startsWith(folder)))
  .flatMap((file) => roleLiterals(file, readFileSync(join(ROOT, file), 'utf8')));
const isHomonym = (f: Found) => HOMONYMS.some((h) => h.file === f.file && h.word === f.word);

describe('roles are named only by the permission matrix and the capabilities', () => {
  it('finds the files it reads (a wrong root would pass vacuously)', () => {
    const files = SOURCES.flatMap(sourceFiles);
    expect(files).toContain('src-main/app/permissions.ts');
    expect(files).toContain('src-renderer/src/features/shell/DashboardPage.tsx');
    expect(files.length).toBeGreaterThan(200);
  });

  it('no role name is written as a string outside them', () => {
    const outside = scanned.filter((f) => !isHomonym(f)).map((f) => `${f.file}:${f.line} '${f.word}'`);
    expect(outside, 'call a function of shared/capabilities.ts or app/permissions.ts instead').toEqual([]);
  });

  it('every homonym listed is still written where it is listed', () => {
    const stale = HOMONYMS.filter((h) => !scanned.some((f) => f.file === h.file && f.word === h.word));
    expect(stale).toEqual([]);
  });

  it('the scanner sees the ways a role gets written', () => {
    const words = (code: string) => roleLiterals('x.tsx', code).map((f) => f.word);
    expect(words("if (user.role === 'encadrant') {}")).toEqual(['encadrant']);
    expect(words('const R: Role[] = [\'administrateur\', "coordination"];')).toEqual([
      'administrateur',
      'coordination',
    ]);
    expect(words('const r = `travailleur_social`;')).toEqual(['travailleur_social']);
    expect(words("sql`select id from users where role = 'lecture_seule' and id = ${id}`")).toEqual(['lecture_seule']);
    expect(words("type T = 'psychologue' | 'x';")).toEqual(['psychologue']);
    expect(words('<Tag role="administrateur" />')).toEqual(['administrateur']);
    // Keys of a table over every role, and prose that mentions a role, are not decisions.
    expect(words("const L: Record<Role, string> = { administrateur: 'Administrateur (secrétariat)' };")).toEqual([]);
    expect(words("const m = 'Demandez à l’administrateur de créer un compte encadrant.';")).toEqual([]);
  });
});
