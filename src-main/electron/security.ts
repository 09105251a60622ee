import type { App, Session, WebContents } from 'electron';

/**
 * Guards for every web contents: no navigation away from the app, no new
 * windows, no webviews, no permission (camera, notifications, geolocation…).
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const base = new URL(appUrl);
    return target.origin === base.origin && target.pathname === base.pathname;
  } catch {
    return false;
  }
}

export function guardWebContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function installSecurityGuards(app: App, session: Session, appUrl: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appUrl));
}
