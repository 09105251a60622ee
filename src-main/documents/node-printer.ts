import { chromium, type Browser } from 'playwright-core';
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
  const started = () => (browser ??= chromium.launch({ executablePath, args: ['--no-sandbox'] }));
  const printOne = async (html: string) => {
    const context = await (await started()).newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    } finally {
      await context.close();
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
    },
  };
}
