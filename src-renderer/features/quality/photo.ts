import { MAX_PHOTO_CHARS } from '../../../src-shared/quality/inspection-mutations';

/**
 * A photo from the PC's camera or a file, shrunk to a JPEG data URL small enough to travel
 * inside a reading (MAX_PHOTO_CHARS): long side 960 px first, then smaller and rougher until
 * it fits. Null when the browser cannot decode the file as an image.
 */
export async function photoToDataUrl(file: Blob): Promise<string | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null;
  }
  try {
    for (const [side, quality] of [
      [960, 0.75],
      [800, 0.65],
      [640, 0.6],
      [480, 0.5],
      [320, 0.5],
    ] as const) {
      const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const url = canvas.toDataURL('image/jpeg', quality);
      if (url.length <= MAX_PHOTO_CHARS) return url;
    }
    return null;
  } finally {
    bitmap.close();
  }
}
