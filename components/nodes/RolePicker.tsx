import type { NodeRole } from "@/lib/nodes/nodeInput";

const OPTIONS: { value: NodeRole; label: string; help: string }[] = [
  { value: "master", label: "Master", help: "Runs ZooKeeper, the Mesos master and Marathon." },
  { value: "agent", label: "Agent", help: "Runs a Mesos agent; containers are placed here." },
  { value: "both", label: "Master and agent", help: "Runs both, like the runbook's od1000-1." },
];

export function RolePicker({ value, onChange }: { value: NodeRole; onChange: (role: NodeRole) => void }) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 text-sm font-medium text-slate-700">Role</legend>
      {OPTIONS.map((o) => (
        <label key={o.value} className="flex items-start gap-2 rounded-md border border-slate-200 p-3 text-sm">
          <input type="radio" name="role" value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} className="mt-1" />
          <span>
            <span className="font-medium">{o.label}</span>
            <span className="block text-slate-600">{o.help}</span>
          </span>
        </label>
      ))}
      {value === "both" && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Running a Mesos agent on the master lets cluster tasks run next to ZooKeeper, the Mesos master and Marathon. The runbook does
          this for a demo and warns it can introduce security vulnerabilities; on production systems keep masters free of agents.
        </p>
      )}
    </fieldset>
  );
}
