/**
 * file: URI <-> path with vscode-uri, the library VS Code itself uses, so a path's URI
 * is spelled as VS Code spells it ('%40' for '@', 'c%3A' for a drive letter) and URIs
 * spelled either way come back as the same path.
 */
import { URI as VsCodeUri } from 'vscode-uri';

export const URI = {
  /** The file system path of a file: URI; undefined for other schemes (untitled:) or a malformed URI. */
  toPath(uri: string): string | undefined {
    try {
      const parsed = VsCodeUri.parse(uri, true);
      return parsed.scheme === 'file' ? parsed.fsPath : undefined;
    } catch {
      return undefined;
    }
  },
  fromPath(filePath: string): string {
    return VsCodeUri.file(filePath).toString();
  },
};
