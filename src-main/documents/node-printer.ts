import type { Browser, BrowserContext, Page } from 'playwright-core';
import { withDocumentInfo } from './pdf-info';
import type { PdfPrinter } from './printer';

/** Where Debian puts Chromium; PASSERELLE_CHROMIUM points elsewhere when needed. */
export const CHROMIUM_PATH = process.env.PASSERELLE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Prints with a headless Chromium, started on first use and reused for every
 * document after it (a batch of 50 contracts pays the start once). Scripts are
 * off: a document is static HTML.
 */
export function nodePdfPrinter(executablePath = CHROMIUM_PATH): PdfPrinter {
  let browser: Promise<Browser> | null = null;
  const inFlight = new Set<Promise<unknown>>();
  // playwright-core is loaded with the first print: it weighs about 90 MB in a process that may never print.
  // pdf-lib (the PDF's title and author, see pdf-info.ts) loads while Chromium starts, not during the first print.
  const started = () =>
    (browser ??=
      (void import('pdf-lib'),
      import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, args: ['--no-sandbox'] }))));
  // One context for every print (a new one per document cost a fifth of a second): scripts off, no network, nothing kept between pages.
  let context: Promise<BrowserContext> | null = null;
  const isolated = () => (context ??= started().then((b) => b.newContext({ javaScriptEnabled: false, offline: true })));
  // Pages are reused (opening one costs more than printing): each print takes an idle page or opens one, and gives it back.
  const idle: Page[] = [];
  const printOne = async (html: string) => {
    const page = idle.pop() ?? (await (await isolated()).newPage());
    let healthy = false;
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      healthy = true;
      return await withDocumentInfo(pdf, html);
    } finally {
      if (healthy && idle.length < 4) idle.push(page);
      else await page.close().catch(() => undefined);
    }
  };
  return {
    print(html) {
      const job = printOne(html);
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job)).catch(() => undefined);
      return job;
    },
    async close() {
      // A print under way (a preview the user moved away from) finishes first.
      await Promise.allSettled(inFlight);
      if (browser) await (await browser).close();
      browser = null;
      context = null;
      idle.length = 0;
    },
  };
}
