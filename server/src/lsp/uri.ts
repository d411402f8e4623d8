/** file: URI <-> path, via Node's own converters (no extra dependency). */
import { fileURLToPath, pathToFileURL } from 'node:url';

export const URI = {
  toPath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  fromPath(filePath: string): string {
    return pathToFileURL(filePath).toString();
  },
};
