/**
 * The renderer is served from `app://renderer/…` rather than `file://`: a
 * file URL would give the page Chromium's file privileges (read other local
 * files through fetch, share an origin with any other file). Only files
 * inside the built renderer folder answer; anything else is 404. Pure
 * functions here (tested under Node); `main.ts` plugs them into Electron.
 * No `electron` import: this file is what the tests can load.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** What `protocol.registerSchemesAsPrivileged` gets, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // standard: a real origin (app://renderer) for CSP 'self' and relative URLs; secure: treated like https.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
};

/**
 * The file an `app://` request may read, or the status to answer. Confined
 * lexically to `rendererDir` (encoded dots and separators included); the
 * renderer folder lies inside the app's asar, which holds no links.
 */
export function resolveAppRequest(url: string, rendererDir: string): { file: string } | { status: 403 | 404 } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 404 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { status: 403 };
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 404 };
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  if (relative.includes('\0') || relative.includes('\\') || relative.split('/').some((part) => part === '..'))
    return { status: 404 };
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${relative}`);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { status: 404 };
  return { file };
}

/**
 * The page to load: the Vite dev server only in a development run (not
 * packaged), and only on this machine; a packaged app ignores
 * ELECTRON_RENDERER_URL, which could otherwise point the window, with its
 * preload and IPC, at any page.
 */
export function rendererUrl(options: { packaged: boolean; env: NodeJS.ProcessEnv }): string {
  const dev = options.env.ELECTRON_RENDERER_URL;
  if (options.packaged || !dev) return APP_URL;
  try {
    const url = new URL(dev);
    if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
      return new URL('/', url).toString();
  } catch {
    // Not a URL: the built renderer.
  }
  return APP_URL;
}
