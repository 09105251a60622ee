import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { matchPath } from 'react-router';
import { describe, expect, it } from 'vitest';
import { scopeFor } from '../../src-main/app/permissions';
import { contract } from '../../src-main/shared/contract';
import { LINKED_PAGES, linkFromStoredPath, linkTarget, type LinkTarget } from '../../src-main/shared/contract/links';
import { ROLES, type Role } from '../../src-main/shared/contract/users';
import {
  hrefFor,
  MENU_GROUPS,
  menuFor,
  pathTo,
  ROUTES,
  routesFor,
  type RouteId,
} from '../../src-renderer/src/app/routes';

const RENDERER = join(__dirname, '../../src-renderer/src');
const ids = Object.keys(ROUTES) as RouteId[];
const routes = Object.entries(ROUTES) as [
  RouteId,
  (typeof ROUTES)[RouteId] & {
    parent?: string;
    requires?: string;
    menu?: { group: string; icon: unknown; help: string };
  },
][];
const canOf = (role: Role) => (method: Parameters<typeof scopeFor>[0]) => scopeFor(method, role) !== null;

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

/** The route of the table an address opens, if any (its query string left aside). */
const routeOf = (address: string) => ids.find((id) => matchPath(ROUTES[id].path, address.split('?')[0]!) !== null);

/** Every screen each role opens, written out: a change of the permission matrix or of the table shows here. */
const SCREENS: Record<Role, RouteId[]> = {
  administrateur: [
    'dashboard',
    'people',
    'personNew',
    'peopleImport',
    'person',
    'contacts',
    'worksites',
    'worksite',
    'attendance',
    'followUp',
    'planning',
    'payroll',
    'asp',
    'documents',
    'fse',
    'stats',
    'fseIndicators',
    'rgpd',
    'backup',
    'settings',
    'help',
  ],
  coordination: [
    'dashboard',
    'people',
    'personNew',
    'peopleImport',
    'person',
    'contacts',
    'worksites',
    'worksite',
    'attendance',
    'followUp',
    'planning',
    'payroll',
    'asp',
    'documents',
    'fse',
    'stats',
    'fseIndicators',
    'rgpd',
    'settings',
    'help',
  ],
  encadrant: ['dashboard', 'people', 'person', 'worksites', 'worksite', 'attendance', 'followUp', 'planning', 'help'],
  travailleur_social: [
    'dashboard',
    'people',
    'person',
    'contacts',
    'worksites',
    'worksite',
    'followUp',
    'planning',
    'fse',
    'help',
  ],
  psychologue: ['dashboard', 'debriefs', 'help'],
  lecture_seule: ['dashboard', 'stats', 'help'],
};

describe('the route table', () => {
  it('gives every screen its own path', () => {
    const paths = routes.map(([, route]) => route.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(path).toMatch(/^\/([a-z]+|:[a-zA-Z]+)?(\/([a-z]+|:[a-zA-Z]+))*$/);
  });

  it('names every screen in French, and every menu entry has an icon, a section and a sentence of help', () => {
    for (const [id, route] of routes) {
      expect(route.title, id).toMatch(/^[A-ZÉ][a-zà-ÿ]/);
      expect(route.title, id).not.toMatch(/'/); // typographic apostrophes only
      if (!route.menu) continue;
      expect(route.menu.icon, id).toBeTruthy();
      expect(Object.keys(MENU_GROUPS)).toContain(route.menu.group);
      expect(route.menu.help, id).toMatch(/^[A-ZÉ].{10,}\.$/);
      expect(route.menu.help, id).not.toMatch(/'/);
    }
  });

  it('keeps each menu section together, in the order of the sections', () => {
    const groups = menuFor(() => true).map((entry) => entry.group);
    const order = Object.keys(MENU_GROUPS);
    expect(groups.map((g) => order.indexOf(g))).toEqual([...groups.map((g) => order.indexOf(g))].sort((a, b) => a - b));
    expect(new Set(groups)).toEqual(new Set(order));
  });

  it('asks for methods of the contract, and every screen opens for at least one role', () => {
    for (const [id, route] of routes) {
      if (route.requires) expect(Object.keys(contract), id).toContain(route.requires);
      expect(
        ROLES.some((role) => routesFor(canOf(role)).some((r) => r.id === id)),
        id,
      ).toBe(true);
    }
  });

  it.each(ROLES)('« %s » reaches the screens listed for the role, each from a screen of its menu', (role) => {
    const opened = routesFor(canOf(role)).map((r) => r.id);
    expect(opened).toEqual(SCREENS[role]);
    const menu = menuFor(canOf(role)).map((entry) => entry.id);
    expect(menu[0]).toBe('dashboard');
    expect(menu).toContain('help');
    for (const id of opened) {
      // Up the parents to a menu entry, every step open to the role: no screen only an address reaches.
      let step: string | undefined = id;
      for (let hops = 0; step !== undefined && !menu.includes(step as RouteId); hops++) {
        expect(hops, `${role}: ${id}`).toBeLessThan(5);
        expect(opened, `${role}: ${id} from ${step}`).toContain(step);
        step = (ROUTES[step as RouteId] as { parent?: string }).parent;
      }
      expect(step, `${role}: ${id}`).toBeDefined();
    }
  });

  it('declares a parent for every screen outside the menu, and only screens of the table as parents', () => {
    for (const [id, route] of routes) {
      expect(Boolean(route.menu) !== Boolean(route.parent), id).toBe(true);
      if (route.parent) expect(ids).toContain(route.parent);
    }
  });
});

describe('the router', () => {
  const files = sources(RENDERER);

  it('is the table: no <Route> is written anywhere but the one the table feeds and the fallback', () => {
    const written = files.flatMap(({ path, text }) =>
      [...text.matchAll(/<Route\s[^\n]*/g)].map((m) => `${path.slice(RENDERER.length)}: ${m[0]}`),
    );
    expect(written).toEqual([
      '/features/shell/Shell.tsx: <Route key={id} path={path} element={<Screen />} />',
      '/features/shell/Shell.tsx: <Route path="*" element={<Home />} />',
    ]);
  });

  it('has a route for every address the screens link to', () => {
    const addresses = files.flatMap(({ path, text }) =>
      [...text.matchAll(/(?:\bto=|\bto: |navigate\()(?:\{?`|"|')(\/[^`"'\s]*)/g)].map((m) => ({
        where: path.slice(RENDERER.length),
        // A record's id in the address: any number stands for it.
        address: m[1]!.replace(/\$\{[^}]+\}/g, '7'),
      })),
    );
    expect(addresses.length).toBeGreaterThan(40);
    for (const { where, address } of addresses) expect(routeOf(address), `${where}: ${address}`).toBeDefined();
  });
});

describe('link targets from main', () => {
  const examples: [LinkTarget, string, RouteId][] = [
    [{ kind: 'person', id: 12 }, '/people/12', 'person'],
    [{ kind: 'worksite', id: 3 }, '/worksites/3', 'worksite'],
    [
      { kind: 'attendance', worksiteId: 3, week: '2026-06-08' },
      '/worksites/3/attendance?semaine=2026-06-08',
      'attendance',
    ],
    [{ kind: 'page', page: 'documents' }, '/documents', 'documents'],
    [{ kind: 'page', page: 'settings-employers' }, '/settings?onglet=employers', 'settings'],
    [{ kind: 'page', page: 'settings-accounts' }, '/settings?onglet=users', 'settings'],
  ];

  it.each(examples)('%j opens %s', (target, href, id) => {
    expect(linkTarget.parse(target)).toEqual(target);
    expect(hrefFor(target)).toBe(href);
    expect(routeOf(href)).toBe(id);
  });

  it('opens a screen of the table for every page main may name, settings tabs included', () => {
    const settings = readFileSync(join(RENDERER, 'features/settings/SettingsPage.tsx'), 'utf8');
    for (const page of LINKED_PAGES) {
      const href = hrefFor({ kind: 'page', page });
      expect(routeOf(href), page).toBeDefined();
      const tab = new URLSearchParams(href.split('?')[1] ?? '').get('onglet');
      if (tab) expect(settings, page).toContain(`<Tabs.Tab value="${tab}"`);
    }
  });

  it('refuses a target that names no record or no known page', () => {
    for (const bad of [
      { kind: 'person' },
      { kind: 'person', id: 0 },
      { kind: 'page', page: 'admin' },
      { kind: 'url', href: '/people/1' },
      '/people/1',
    ]) {
      expect(linkTarget.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(linkTarget.safeParse({ kind: 'attendance', worksiteId: 3, week: '2026-02-30' }).success).toBe(false);
  });

  it('fills a screen’s parameters into its path', () => {
    expect(pathTo('followUp', { id: 4, participationId: 9 })).toBe('/worksites/4/participants/9');
  });

  it.each([
    ['/people/12', { kind: 'person', id: 12 }],
    ['/worksites/3', { kind: 'worksite', id: 3 }],
    ['/worksites/3/attendance?semaine=2026-06-08', { kind: 'attendance', worksiteId: 3, week: '2026-06-08' }],
    ['/worksites/3/attendance', { kind: 'worksite', id: 3 }],
    ['/nulle-part', { kind: 'page', page: 'payroll' }],
  ] as [string, LinkTarget][])('reads the path %s kept in an old payroll hand-off as %j', (path, target) => {
    expect(linkFromStoredPath(path)).toEqual(target);
    expect(linkFromStoredPath(target)).toBe(target);
  });
});
