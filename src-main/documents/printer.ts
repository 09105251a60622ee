/**
 * The PdfPrinter port: static HTML in, PDF bytes out. The desktop app prints
 * with a hidden sandboxed Electron window, browser mode and the tests with
 * Chromium through playwright-core. Printing is slow I/O: it never runs
 * inside a database transaction.
 */
export interface PdfPrinter {
  /** Prints one A4 document (page size and margins come from the HTML's CSS; title and author from its head, see pdf-info.ts). */
  print(html: string): Promise<Uint8Array>;
  /** Frees the browser, if one was started. */
  close(): Promise<void>;
}
