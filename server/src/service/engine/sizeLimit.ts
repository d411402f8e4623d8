/**
 * A YAML stream over the size limit is checked as far as the limit reaches, cut where a
 * document starts: the documents before the cut are checked as they are (their positions
 * are the file's), and one note at the cut says where checking stopped. A file that is one
 * huge document, or JSON, has no such cut and is not checked at all.
 */
import { byteLength } from '../document/textGuards';

export interface LimitCut {
  /** The checked part: the text before the `---` of the first document left out. */
  prefix: string;
  /** The 0-based line of that `---`, where the note goes. */
  line: number;
}

const SEPARATOR = /^---[ \t]*(?:#.*)?$/gm;

export function cutAtLimit(text: string, limitBytes: number): LimitCut | undefined {
  // A UTF-16 unit is at least one UTF-8 byte: no cut at or past `limitBytes` units can fit.
  const cuts: number[] = [];
  SEPARATOR.lastIndex = 0;
  for (let match = SEPARATOR.exec(text); match && match.index <= limitBytes; match = SEPARATOR.exec(text)) {
    if (match.index > 0) cuts.push(match.index);
  }
  let cut = cuts.pop();
  // Text beyond ASCII takes more bytes than units: step back to a cut that fits.
  while (cut !== undefined && byteLength(text.slice(0, cut)) > limitBytes) cut = cuts.pop();
  if (cut === undefined) return undefined;
  const prefix = text.slice(0, cut);
  let line = 0;
  for (let at = prefix.indexOf('\n'); at >= 0; at = prefix.indexOf('\n', at + 1)) line++;
  return { prefix, line };
}
