import type { NodeFacts } from "@/lib/nodes/nodeFacts";
import { isArm64 } from "@/lib/nodes/nodeFacts";

export function ArchBadge({ arch }: { arch: string }) {
  return isArm64(arch) ? (
    <span className="rounded bg-sky-100 px-2 py-0.5 font-mono text-xs font-semibold text-sky-800" data-arch={arch}>
      {arch}
    </span>
  ) : (
    <span className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700" data-arch={arch}>
      {arch}
    </span>
  );
}

function formatMb(mb: number | null): string {
  if (mb === null) return "unknown";
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GiB` : `${mb} MiB`;
}

function Tool({ name, path }: { name: string; path: string | null }) {
  return (
    <li className="flex items-center gap-2">
      <span className={path ? "text-emerald-700" : "text-amber-700"} aria-hidden>
        {path ? "✓" : "✗"}
      </span>
      <span className="font-mono">{name}</span>
      <span className="text-slate-500">{path ?? "missing (the Prepare step installs it)"}</span>
    </li>
  );
}

export function FactsTable({ facts }: { facts: NodeFacts }) {
  const rows: [string, React.ReactNode][] = [
    ["Architecture", <ArchBadge key="a" arch={facts.arch} />],
    ["Operating system", facts.os],
    ["Kernel", <span key="k" className="font-mono">{facts.kernel}</span>],
    ["Hostname", <span key="h" className="font-mono">{facts.hostname}</span>],
    ["CPUs", facts.cpus ?? "unknown"],
    ["Memory", formatMb(facts.memoryMb)],
    [
      "Free disk for Mesos",
      <span key="d">
        {formatMb(facts.diskFreeMb)} <span className="text-slate-500">on {facts.diskPath || "?"}</span>
      </span>,
    ],
    [
      "sudo",
      facts.sudo === "root" ? "logged in as root" : facts.sudo === "passwordless" ? "works without a password" : (
        <span key="s" className="text-amber-700">needs a password: build and start steps cannot run as this user</span>
      ),
    ],
    ["systemd", facts.systemd ? "yes (services run as units)" : "no (services run supervised with pid files)"],
  ];
  return (
    <div className="space-y-3" data-testid="facts">
      <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-2 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div>
        <p className="mb-1 text-sm text-slate-500">Tools</p>
        <ul className="space-y-1 text-sm">
          {Object.entries(facts.tools).map(([name, path]) => (
            <Tool key={name} name={name} path={path} />
          ))}
        </ul>
      </div>
    </div>
  );
}
