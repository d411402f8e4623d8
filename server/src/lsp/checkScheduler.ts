/**
 * When each open document is checked. After an edit the wait adapts to the document and to
 * the typing: an edit is checked at once when the document's last edit was checked quickly,
 * or when it comes after a pause at least as long as that check (a burst of edits that
 * arrives together still counts once: the check runs after every queued message is read).
 * Edits that come faster than a slow check wait about as long as it takes, up to
 * DEBOUNCE_MS, so those keystrokes coalesce into one check. A finished check lets edits that arrived while it ran in
 * before it publishes (`overtaken`): diagnostics of a version typed past are never shown.
 */
import type { Activity } from './activity';

/** The longest wait for a pause in typing; also the wait of other documents that depend on an edited one. */
export const DEBOUNCE_MS = 120;
/** Checks faster than this are not worth waiting for. */
const QUICK_CHECK_MS = 40;
/**
 * Turns of the event loop a finished check waits for edits that arrived while it ran: the
 * connection reads what arrived on one turn and handles one queued message per turn after it.
 */
const SETTLE_TURNS = 4;

export class CheckScheduler {
  private readonly timers = new Map<string, { cancel: () => void; done: () => void }>();
  /** How long each document's last incremental check took. */
  private readonly checkMs = new Map<string, number>();
  /** When each document was last edited (performance.now()). */
  private readonly editedAt = new Map<string, number>();

  constructor(
    private readonly activity: Activity,
    private readonly check: (uri: string) => Promise<void>,
  ) {}

  /** The wait after an edit of a document already checked once; `now` is when the edit came. */
  waitAfterEdit(uri: string, now = performance.now()): number {
    const previous = this.editedAt.get(uri);
    this.editedAt.set(uri, now);
    return debounceAfter(this.checkMs.get(uri), previous === undefined ? undefined : now - previous);
  }

  schedule(uri: string, delay: number): void {
    this.unschedule(uri);
    const done = this.activity.begin();
    const run = (): void => {
      this.timers.delete(uri);
      void this.check(uri).finally(done);
    };
    // No wait: the next turn of the event loop, not a timer's, which Node makes at least 1 ms.
    if (delay <= 0) {
      const immediate = setImmediate(run);
      this.timers.set(uri, { cancel: () => clearImmediate(immediate), done });
    } else {
      const timer = setTimeout(run, delay);
      this.timers.set(uri, { cancel: () => clearTimeout(timer), done });
    }
  }

  unschedule(uri: string): void {
    const scheduled = this.timers.get(uri);
    if (!scheduled) return;
    scheduled.cancel();
    scheduled.done();
    this.timers.delete(uri);
  }

  /**
   * A check took `ms`. A first check parses every document and says nothing about how long
   * an edit's takes, so only `incremental` ones count.
   */
  checked(uri: string, ms: number, incremental: boolean): void {
    if (incremental) this.checkMs.set(uri, ms);
  }

  /** Resolves to whether a newer version arrived while the check of `version` ran. */
  async overtaken(version: number, currentVersion: () => number | undefined): Promise<boolean> {
    for (let turn = 0; turn < SETTLE_TURNS; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (currentVersion() !== version) return true;
    }
    return false;
  }

  forget(uri: string): void {
    this.unschedule(uri);
    this.checkMs.delete(uri);
    this.editedAt.delete(uri);
  }
}

/**
 * No wait after a quick check (or none measured yet), nor after a pause in typing longer
 * than the check; about the check's time when edits come faster than it.
 */
export function debounceAfter(lastCheckMs: number | undefined, sincePreviousEditMs?: number): number {
  if (lastCheckMs === undefined || lastCheckMs < QUICK_CHECK_MS) return 0;
  if (sincePreviousEditMs === undefined || sincePreviousEditMs >= lastCheckMs) return 0;
  return Math.min(DEBOUNCE_MS, Math.ceil(lastCheckMs));
}
