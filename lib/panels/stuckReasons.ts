// Marathon's offer-matching reasons (NoOfferMatchReason.scala@v1.5.1), in the funnel order in
// which /v2/queue counts them (audit §1.7): each declined offer is counted under its first failing
// reason only, so the reason where nothing is left is the one that blocks. The stand-in keeps its
// own copy (standin/marathon/offerMatching.ts) on purpose: if the app read the list from the
// stand-in, a test of one against the other could never catch either being wrong.

export const OFFER_REASONS = [
  "UnfulfilledRole",
  "UnfulfilledConstraint",
  "NoCorrespondingReservationFound",
  "InsufficientCpus",
  "InsufficientMemory",
  "InsufficientDisk",
  "InsufficientGpus",
  "InsufficientPorts",
] as const;
export type OfferReason = (typeof OFFER_REASONS)[number];

/** The DC/OS Debug tab's row names. */
export const REASON_LABELS: Record<string, string> = {
  UnfulfilledRole: "Role",
  UnfulfilledConstraint: "Constraints",
  NoCorrespondingReservationFound: "Reservation",
  InsufficientCpus: "CPUs",
  InsufficientMemory: "Memory",
  InsufficientDisk: "Disk",
  InsufficientGpus: "GPUs",
  InsufficientPorts: "Ports",
};

export function reasonLabel(reason: string): string {
  return REASON_LABELS[reason] ?? reason;
}

/** MB as an operator says it: "512 MB", "64 GB", "30.3 GB". */
export function formatMb(mb: number): string {
  if (mb < 1024) return `${Math.round(mb)} MB`;
  const gb = mb / 1024;
  return `${Number.isInteger(Math.round(gb * 10) / 10) ? Math.round(gb) : (Math.round(gb * 10) / 10).toFixed(1)} GB`;
}

export function formatCpus(cpus: number): string {
  const n = Math.round(cpus * 100) / 100;
  return `${n} CPU${n === 1 ? "" : "s"}`;
}
