/**
 * Documents that are not Kubernetes objects but are checked all the same: CNI network
 * configs in `.conflist` files or inside a ConfigMap, and next Kustomize files and
 * Prometheus configs. A document kind is declared once, in its domain folder (cni/), with
 * the recogniser that finds its documents in one parsed document of a file; rules declare
 * the kind they read (`scope: { documents: <id> }`), and the engine recognises exactly the
 * kinds some rule or fact reads.
 *
 * A recognised document may be the file's own document (a `.conflist`), or text embedded
 * in a YAML string (a ConfigMap key): then it carries its own parse and the mapping of its
 * offsets back to the file, and the engine moves findings and fixes through that mapping.
 */
import type { Document } from 'yaml';
import type { ObjectRef } from '../core/types';
import type { EmbeddedText } from './embeddedText';
import type { ParsedChunk } from './parseChunk';

/** One parsed document of a file, as a recogniser sees it. */
export interface DocumentSource {
  /** The document's text: a chunk of the file (the whole file for JSON). */
  text: string;
  parsed: ParsedChunk & { doc: Document.Parsed };
  /** The file's path as the host gave it; undefined for stdin and untitled documents. */
  filePath: string | undefined;
  /** 'json': the document is the whole file. */
  languageId: 'yaml' | 'json';
}

export interface RecognisedDocument {
  /** The text the document's offsets refer to: the chunk's own text, or the decoded embedded string. */
  text: string;
  /** The parse rules read, in offsets of `text`. */
  parsed: ParsedChunk;
  /** How `text` sits in the chunk, when it is embedded in a YAML string; absent when it is the chunk itself. */
  embedding?: EmbeddedText;
  /** The Kubernetes object whose field holds the embedded text, for findings. */
  host?: ObjectRef;
  /**
   * The kind reports this document's syntax in its own, stricter grammar (JSON for CNI):
   * the YAML parser's syntax problems for the chunk are dropped, so one mistake is reported once.
   */
  ownsSyntax?: boolean;
}

export interface DocumentKind<D extends RecognisedDocument = RecognisedDocument> {
  id: string;
  /** What the kind's rules apply to, for the docs ("CNI network configurations (…)"). */
  description: string;
  /**
   * File extensions beyond `.yaml`, `.yml` and `.json` whose files may be of this kind
   * (`.conflist`). The engine checks such a file only when `claimsFile` says it is one;
   * otherwise (an nginx `.conf`) the file gets no findings at all.
   */
  fileExtensions?: readonly string[];
  claimsFile?(fileName: string, text: string): boolean;
  recognise(source: DocumentSource): D[];
}

export function defineDocumentKind<D extends RecognisedDocument>(kind: DocumentKind<D>): DocumentKind<D> {
  return kind;
}

/** The last segment of a path, with either separator. */
export function baseName(filePath: string): string {
  return filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
}

/** The folder part of a path, with either separator ('' for a bare name). */
export function directoryOf(filePath: string): string {
  return filePath.slice(0, Math.max(0, Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'))));
}

/** `.conflist` for `10-net.conflist`, lower-cased; '' without one. */
export function extensionOf(filePath: string): string {
  const name = baseName(filePath);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}
