// One lane per upstream (mesos, marathon, ssh) of one cluster: whatever the callers do, the lane
// runs one request at a time, in the order they were asked for. This is what makes "never two
// requests in flight to one upstream" true by construction instead of by careful scheduling.

export class UpstreamLane {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(readonly upstream: string) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(task).finally(() => this.waiting--);
    // The next task starts after this one settles, whether it succeeded or not.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Tasks queued or running. */
  get depth(): number {
    return this.waiting;
  }
}
