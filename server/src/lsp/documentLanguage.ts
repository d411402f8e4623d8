/** How the server reads an open document, whatever language the editor gave it. */
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../service/config/config';
import { URI } from './uri';

/** JSON for JSON documents and for CNI configs (`.conf`, `.conflist`), whatever language the editor gave them. */
export function languageOf(document: TextDocument): 'yaml' | 'json' {
  if (document.languageId === 'json') return 'json';
  return /\.(?:conf|conflist)$/i.test(URI.toPath(document.uri) ?? document.uri) ? 'json' : 'yaml';
}

export function isConfigFileUri(uri: string): boolean {
  return path.basename(URI.toPath(uri) ?? '') === CONFIG_FILE_NAME;
}
