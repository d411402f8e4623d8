/**
 * An upper bound on a document's nesting, measured without parsing. The `yaml`
 * parser recurses per level and overflows the stack somewhere past 800 levels; after
 * such an overflow, V8 was seen to abort the whole process on the next parse. So
 * pathological documents are refused before they reach the parser.
 *
 * Block nesting costs at least one column of indentation per level, and flow nesting
 * one bracket, so indentation plus open brackets bounds the depth. Brackets inside
 * strings are counted too: that only overestimates, and real manifests stay far below
 * the limit (a deep CRD schema nests about 40 levels).
 */

export const MAX_NESTING = 500;

export function exceedsNesting(text: string, limit = MAX_NESTING): boolean {
  let flowDepth = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      // Spaces and "- " sequence markers both open a level of block nesting.
      const next = text.charCodeAt(i + 1);
      if (c === 32 || (c === 45 && (next === 32 || next === 9))) {
        indent++;
        if (indent + flowDepth > limit) return true;
        continue;
      }
      lineStart = false;
    }
    if (c === 91 || c === 123) {
      flowDepth++;
      if (indent + flowDepth > limit) return true;
    } else if ((c === 93 || c === 125) && flowDepth > 0) {
      flowDepth--;
    }
  }
  return false;
}
