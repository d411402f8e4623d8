/**
 * Applies LSP-style text edits to a string the way the editor does, through the same
 * library the server uses (it clamps positions past a line's end and rejects overlaps).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../../server/src/service/core/types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///fixture.yaml', 'yaml', 1, text), [...edits]);
}
