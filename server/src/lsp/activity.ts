/**
 * Work in progress (checks scheduled or running, disk tasks), so a client can ask to
 * be told when the server is quiescent, as rust-analyzer's `serverStatus` reports: a
 * test that compares published diagnostics must not compare a half-finished state.
 */
export class Activity {
  private busy = 0;
  private readonly waiters: (() => void)[] = [];

  /** Marks work begun; call the result once when it ends. */
  begin(): () => void {
    this.busy++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.busy--;
      // Later: work that ends often starts more (a scan ends by scheduling checks).
      if (this.busy === 0) setImmediate(() => this.wake());
    };
  }

  track<T>(work: Promise<T>): Promise<T> {
    const end = this.begin();
    return work.finally(end);
  }

  /** Resolves once nothing is scheduled or running. */
  whenIdle(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    if (this.busy === 0) for (const resolve of this.waiters.splice(0)) resolve();
  }
}
