/**
 * Finds the straight apostrophes (U+0027) written between two letters inside the string and
 * template literals (and JSX text) of a TypeScript file: in French text they are the elisions (l'organisme,
 * d'Inès, aujourd'hui) that the app prints with the typographic apostrophe (U+2019).
 */
import ts from 'typescript';

export interface StraightApostrophe {
  line: number;
  text: string;
}

function literalText(node: ts.Node, source: ts.SourceFile): string | null {
  if (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateHead(node) ||
    ts.isTemplateMiddle(node) ||
    ts.isTemplateTail(node) ||
    ts.isJsxText(node)
  ) {
    return source.text.slice(node.getStart(source), node.getEnd());
  }
  return null;
}

/** A straight apostrophe, escaped or not, between two letters. */
const ELIDED = /\p{L}\\?'\p{L}/u;

/** Every literal holding an elided straight apostrophe, with its line, as written in the source. */
export function straightApostrophes(fileName: string, text: string): StraightApostrophe[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: StraightApostrophe[] = [];
  const visit = (node: ts.Node) => {
    const literal = literalText(node, source);
    if (literal !== null && ELIDED.test(literal)) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: literal });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The same file with each elided straight apostrophe of its literals made typographic. */
export function withTypographicApostrophes(fileName: string, text: string): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const edits: { start: number; end: number; replacement: string }[] = [];
  const visit = (node: ts.Node) => {
    const literal = literalText(node, source);
    if (literal !== null && ELIDED.test(literal)) {
      edits.push({
        start: node.getStart(source),
        end: node.getEnd(),
        replacement: literal.replace(/(\p{L})\\?'(?=\p{L})/gu, '$1’'),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    result = result.slice(0, edit.start) + edit.replacement + result.slice(edit.end);
  return result;
}
