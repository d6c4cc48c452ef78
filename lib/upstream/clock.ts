// The poller schedules through a Clock so tests drive its timers with a manual clock (the
// stand-in's ManualClock has this exact shape) instead of sleeping. Durations of upstream replies
// are NOT read from it: they are measured in real time (performance.now), because what backoff
// needs is how long the real upstream took, whatever clock the schedule runs on.

export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, Math.max(0, ms));
    // A poller's timer must never keep the process alive on shutdown.
    t.unref?.();
    return { cancel: () => clearTimeout(t) };
  },
};
