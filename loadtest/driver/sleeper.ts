/**
 * Sleeps that all end at once when the run stops. One timer per sleeping student, dropped when it
 * fires: racing every sleep against a shared "stopped" promise would pile up one reaction per
 * sleep on that promise for the whole run (millions in a capacity run).
 */
export class Sleeper {
  private readonly pending = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private stoppedFlag = false;

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  /** Resolves after `ms`, or at once when the run stops; true when the run is still going. */
  sleep(ms: number): Promise<boolean> {
    if (this.stoppedFlag) return Promise.resolve(false);
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve(!this.stoppedFlag);
        }, Math.max(0, ms)),
        resolve: () => resolve(false),
      };
      this.pending.add(entry);
    });
  }

  stop(): void {
    this.stoppedFlag = true;
    for (const e of this.pending) {
      clearTimeout(e.timer);
      e.resolve();
    }
    this.pending.clear();
  }
}
