/** What every hover provider returns: markdown and the range it is about. */
import type { Range } from '../core/types';

export interface HoverResult {
  markdown: string;
  range: Range;
}
