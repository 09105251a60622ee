import { BrowserWindow, session } from 'electron';
import { randomBytes } from 'node:crypto';
import { unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { withDocumentInfo } from '../documents/pdf-info';
import type { PdfPrinter } from '../documents/printer';
import { printWindowOptions } from './print-window';

/**
 * Prints in a hidden window, one at a time, A4 from the document's CSS. The
 * HTML goes through a temporary file (fonts and logo are inlined: it can be
 * larger than a data URL may be), removed right after.
 */
export function electronPdfPrinter(): PdfPrinter {
  const printSession = session.fromPartition('passerelle-print');
  // Nothing but the temporary file itself and inline data: no request leaves the machine.
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !/^(file|data):/.test(details.url) }));
  let queue: Promise<unknown> = Promise.resolve();
  const printOne = async (html: string) => {
    const file = path.join(os.tmpdir(), `passerelle-${randomBytes(8).toString('hex')}.html`);
    const window = new BrowserWindow(printWindowOptions());
    try {
      await writeFile(file, html, 'utf8');
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
