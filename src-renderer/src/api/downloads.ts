/**
 * Files main sends back to this PC (issue 29): when main is the office's
 * server on another PC, what an export or a copy makes is not written into a
 * folder of the server but comes with the answer (`files` of the envelope,
 * src-main/app/downloads.ts) and is saved here as a download, under its
 * French name: the browser puts it in its downloads (or asks where), the
 * desktop app shows its save dialog.
 */
import type { SentFile } from '@shared/contract/files';

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hands bytes to this PC's browser or desktop app as a download named `fileName` (the person chooses where). */
export function downloadBytes(base64: string, fileName: string, mediaType: string) {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64) as BlobPart], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  // The name the file is saved under; without it the browser names it « download ».
  link.download = fileName;
  // Not put in the page: outside an open modal the page is inert, and Chromium then ignores `download`.
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Every file an answer carries, one download each. */
export function saveSentFiles(files: readonly SentFile[] | undefined) {
  for (const file of files ?? []) downloadBytes(file.base64, file.name, file.mediaType);
}
