"use client";

/** An adopted cluster (or one without nodes) has no Weave Armdeck can read: say so, and why. */
export function WeaveNotReadable({ reason }: { reason: string }) {
  return (
    <p role="status" data-testid="weave-not-readable" className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
      {reason}
    </p>
  );
}
