/**
 * Plain data shapes shared by the language service, the LSP glue and the CLI.
 * Positions are 0-based lines and UTF-16 columns, the same as LSP's, so the glue
 * can pass them through untouched; nothing here imports the LSP library.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** One quick fix: a title for the light bulb and the edits that make it. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** false: the fix changes what the manifest asks for, so fix-all (on save) skips it. */
  fixAll?: false;
  /** The fix also renames the file to this base name in its folder (see OffsetFix.renameTo). */
  renameTo?: string;
}

/** The Kubernetes object a finding belongs to. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  object?: ObjectRef;
  container?: string;
  /** The preferred fix first; empty when the right edit is not knowable. */
  fixes: Fix[];
}
