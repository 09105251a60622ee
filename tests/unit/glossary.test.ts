import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scopeFor } from '../../src-main/app/permissions';
import { ROLES } from '../../src-main/shared/contract/users';
import { GLOSSARY, type GlossaryKey } from '../../src-main/shared/glossary';
import { GUIDES } from '../../src-renderer/src/features/help/guides';
import { menuFor } from '../../src-renderer/src/app/routes';

const RENDERER = join(__dirname, '../../src-renderer/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.tsx') ? [path] : [];
  });
}

// The Aide page lists every entry: only an « i » placed on a screen counts as use.
const screens = sources(RENDERER)
  .filter((path) => !path.includes(join('features', 'help')))
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');

describe('the glossary behind the « i »', () => {
  it.each(Object.keys(GLOSSARY) as GlossaryKey[])('« %s » has an « i » on a screen where the word appears', (key) => {
    expect(screens).toMatch(new RegExp(`(term|help)="${key}"`));
  });

  it.each(Object.entries(GLOSSARY))('« %s » is defined in short, plain French', (_key, entry) => {
    for (const text of [entry.short, entry.definition]) {
      expect(text.trim().length).toBeGreaterThan(10);
      expect(text).not.toMatch(/'/); // typographic apostrophes only
    }
    expect(entry.definition).toMatch(/\b(le|la|les|de|des|du|un|une|est|et)\b/);
    expect(entry.definition).toMatch(/\.$/);
    // Help to read in a few seconds: at most three sentences.
    expect(entry.definition.split(/[.!?](?:\s|$)/).filter(Boolean).length).toBeLessThanOrEqual(3);
  });
});

describe('the first-week guides of the Aide page', () => {
  const labels = menuFor(() => true).map((item) => item.title);

  it.each(ROLES)('the guide of « %s » only sends to menu entries that role sees', (role) => {
    const seen = menuFor((method) => scopeFor(method, role) !== null).map((item) => item.title);
    const guide = GUIDES[role];
    expect(guide.steps.length).toBeGreaterThan(1);
    for (const step of guide.steps) {
      expect(step).not.toMatch(/'/);
      // A step that starts with a menu entry names it exactly as the menu does.
      const cited = labels.filter((label) => step.startsWith(`${label} `));
      for (const label of cited) expect(seen, `${role}: ${step}`).toContain(label);
    }
    // Every guide walks through the menu.
    expect(guide.steps.some((step) => labels.some((label) => step.startsWith(label)))).toBe(true);
  });

  it('the Aide entry is in everyone’s menu', () => {
    for (const role of ROLES) {
      expect(menuFor((method) => scopeFor(method, role) !== null).map((item) => item.title)).toContain('Aide');
    }
  });
});
