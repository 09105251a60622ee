import { BrowserWindow, session } from 'electron';
import { randomBytes } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withDocumentInfo } from '../documents/pdf-info';
import type { PdfPrinter } from '../documents/printer';
import { printWindowOptions } from './print-window';

/**
 * Prints in a hidden window, one at a time, A4 from the document's CSS. The
 * HTML goes through a temporary file (fonts and logo are inlined: it can be
 * larger than a data URL may be), removed right after. The file holds
 * personal data: it lives in the data folder's work folder (user-only,
 * emptied at each start should Passerelle stop mid-print), never in the
 * system's temporary folder.
 */
export function electronPdfPrinter(workDir: string): PdfPrinter {
  const printSession = session.fromPartition('passerelle-print');
  // Nothing but the temporary file itself and inline data: no request leaves the machine.
  printSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !/^(file|data):/.test(details.url) }),
  );
  let queue: Promise<unknown> = Promise.resolve();
  const printOne = async (html: string) => {
    await mkdir(workDir, { recursive: true, mode: 0o700 });
    const file = path.join(workDir, `impression-${randomBytes(8).toString('hex')}.html`);
    const window = new BrowserWindow(printWindowOptions());
    try {
      await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
      await window.loadFile(file);
      const pdf = await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
      return await withDocumentInfo(new Uint8Array(pdf), html);
    } finally {
      window.destroy();
      await unlink(file).catch(() => undefined);
    }
  };
  return {
    print(html) {
      const next = queue.then(() => printOne(html));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
    },
  };
}
