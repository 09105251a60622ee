import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

/** pdf.js is loaded the first time a preview is shown: it stays out of the first screens' code. */
async function loadPdfJs() {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The generated PDF itself, page by page (pdf.js draws each page on a
 * canvas): what staff see here is exactly what prints, breaks included.
 */
export function PdfPreview({ base64, label }: { base64: string; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | null = null;
    void (async () => {
      try {
        const { getDocument } = await loadPdfJs();
        if (cancelled) return;
        const task = getDocument({ data: base64ToBytes(base64), isEvalSupported: false });
        destroy = () => task.destroy();
        const pdf = await task.promise;
        const target = container.current;
        if (cancelled || !target) return;
        target.replaceChildren();
        for (let n = 1; n <= pdf.numPages; n++) {
          const page = await pdf.getPage(n);
          const viewport = page.getViewport({ scale: 1.3 });
          const canvas = document.createElement('canvas');
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          canvas.style.width = '100%';
          canvas.style.boxShadow = '0 1px 4px rgba(0,0,0,0.25)';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `${label}, page ${n} sur ${pdf.numPages}`);
          await page.render({ canvas, viewport }).promise;
          if (cancelled) return;
          target.appendChild(canvas);
        }
        setPages(pdf.numPages);
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [base64, label]);

  if (failed)
    return <Alert color="red">L’aperçu n’a pas pu être affiché. Le document peut tout de même être enregistré.</Alert>;
  return (
    <Stack gap="xs">
      {pages === null && <Loader size="sm" />}
      {pages !== null && (
        <Text size="xs" c="dimmed">
          {pages} page{pages > 1 ? 's' : ''}
        </Text>
      )}
      <Stack ref={container} gap="md" bg="gray.1" p="md" style={{ maxHeight: '65vh', overflowY: 'auto' }} />
    </Stack>
  );
}

/** Sends the PDF to the system's print dialog through the browser's PDF viewer. */
export function printPdf(base64: string) {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64) as BlobPart], { type: 'application/pdf' }));
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.src = url;
  frame.onload = () => {
    frame.contentWindow?.print();
    setTimeout(() => {
      frame.remove();
      URL.revokeObjectURL(url);
    }, 60_000);
  };
  document.body.appendChild(frame);
}
