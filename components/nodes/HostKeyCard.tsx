export interface HostKeyShown {
  type: string;
  bits: number | null;
  fingerprint: string;
}

/** Shown exactly as `ssh-keygen -lf` prints it, so a person can compare character by character. */
export function HostKeyCard({ hostKey, title = "Host key" }: { hostKey: HostKeyShown; title?: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-4">
      <p className="text-sm text-slate-500">{title}</p>
      <p className="mt-1 break-all font-mono text-sm" data-testid="host-key-line">
        {hostKey.bits ?? "?"} <span data-testid="host-key-fingerprint">{hostKey.fingerprint}</span> ({hostKey.type})
      </p>
    </div>
  );
}
