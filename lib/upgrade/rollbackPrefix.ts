// The line a failing upgrade job prints first; the run's failure text repeats it (lib/jobs/exitOutcome.ts).
export const ROLLBACK_LINE_PREFIX = "[armdeck] roll back ";
