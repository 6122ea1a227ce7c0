// A bounded-concurrency queue: at most `limit` tasks run at once, the rest wait in the order
// they were submitted. Used wherever a page or job fans out many Bungie calls (a clan's member
// profiles, a character's vendors, the digest's subscribers): the order of submission is the
// order of service, so the clan roster's top rows fill in first.

export type Pool = {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now (for tests and benchmarks). */
  readonly active: number;
  readonly waiting: number;
  /** The most tasks that ever ran at once. */
  readonly peak: number;
};

export function createPool(limit: number): Pool {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("pool limit must be >= 1");
  let active = 0;
  let peak = 0;
  const queue: (() => void)[] = [];

  const next = () => {
    active--;
    queue.shift()?.();
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          active++;
          peak = Math.max(peak, active);
          // A task that throws synchronously must still free its slot.
          Promise.resolve().then(task).then(resolve, reject).finally(next);
        };
        if (active < limit) start();
        else queue.push(start);
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    get peak() {
      return peak;
    },
  };
}
