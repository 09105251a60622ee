import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { readChosen, type FileSource } from './client-files';

function imageExtension(bytes: Buffer): 'png' | 'jpg' | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  return null;
}

/**
 * Copies an image into the data folder under a content-derived name, so the
 * same logo chosen twice is one file and a backup carries it. Written to a
 * temporary name first: a crash never leaves half an image.
 */
export async function storeImage(filesDir: string, source: FileSource, prefix: string) {
  const { bytes } = await readChosen(source, 'logo');
  const extension = imageExtension(bytes);
  if (!extension) {
    throw new AppError('INVALID_INPUT', 'Choisissez une image au format PNG ou JPEG.', { field: 'path' });
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const file = `${prefix}-${hash}.${extension}`;
  const target = path.join(filesDir, file);
  if (!existsSync(target)) {
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  }
  return { file, dataUrl: toDataUrl(bytes, extension) };
}

export async function readStoredImage(filesDir: string, file: string) {
  try {
    const bytes = await readFile(path.join(filesDir, path.basename(file)));
    return { file, dataUrl: toDataUrl(bytes, file.endsWith('.png') ? 'png' : 'jpg') };
  } catch {
    throw new AppError('NOT_FOUND', 'Le logo enregistré est introuvable. Choisissez-le à nouveau dans les paramètres.');
  }
}

export function storedFileExists(filesDir: string, file: string): boolean {
  return existsSync(path.join(filesDir, path.basename(file)));
}

function toDataUrl(bytes: Buffer, extension: 'png' | 'jpg'): string {
  return `data:image/${extension === 'png' ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`;
}
