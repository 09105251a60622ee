import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { straightApostrophes, withTypographicApostrophes } from './support/apostrophes';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('les apostrophes typographiques', () => {
  it('repère une élision droite dans une chaîne, un gabarit ou du texte JSX, et rien d’autre', () => {
    const source = [
      `const a = "Ce compte n'existe pas.";`,
      `const b = 'L\\'année';`,
      "const c = `Le ${x} n'est pas ${y} d'abord`;",
      `const d = <p>Aujourd'hui</p>;`,
      `const e = ['a','b'];`,
      `// the person's record`,
      `const f = "Ce compte n’existe pas.";`,
      `const g = "'guillemets simples'";`,
    ].join('\n');
    expect(straightApostrophes('x.tsx', source).map((hit) => hit.line)).toEqual([1, 2, 3, 3, 4]);
    const fixed = withTypographicApostrophes('x.tsx', source);
    expect(fixed).toContain(`"Ce compte n’existe pas."`);
    expect(fixed).toContain(`'L’année'`);
    expect(fixed).toContain('`Le ${x} n’est pas ${y} d’abord`');
    expect(fixed).toContain('<p>Aujourd’hui</p>');
    expect(fixed).toContain(`['a','b']`);
    expect(fixed).toContain(`// the person's record`);
    expect(straightApostrophes('x.tsx', fixed)).toEqual([]);
  });

  // Messages, labels, screens and templates are written with ’ (U+2019), as the documents'
  // text layer prints them; the database folder holds SQL and frozen migrations, not text to read.
  it('aucun message, libellé ni écran n’écrit une élision avec une apostrophe droite', () => {
    const files = [
      ...sourceFiles(path.join(root, 'src-main')),
      ...sourceFiles(path.join(root, 'src-renderer', 'src')),
    ].filter((file) => !file.includes(`src-main${path.sep}db${path.sep}`));
    expect(files.length).toBeGreaterThan(300);
    const found = files.flatMap((file) =>
      straightApostrophes(file, readFileSync(file, 'utf8')).map(
        (hit) => `${path.relative(root, file)}:${hit.line} ${hit.text.slice(0, 80)}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
