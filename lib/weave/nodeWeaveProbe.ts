import { weaveReportSchema, type WeaveReport } from "./weaveReportSchema.ts";

// The one command Armdeck runs on a node per Weave poll (one SSH channel): the node's hostname,
// the router's JSON report from its local API (127.0.0.1:6784, what `weave report` reads), and
// Docker's container names, which join a WeaveDNS entry's container id to Mesos' `mesos-<id>`.
// The script is a constant: nothing from a cluster's data ever reaches this shell.

const MARK = "--armdeck-weave";

export const NODE_WEAVE_SCRIPT = [
  `printf '%s\\n' '${MARK} hostname--'; hostname`,
  `printf '%s\\n' '${MARK} report--'; curl -s -m 5 -H 'Accept: application/json' http://127.0.0.1:6784/report; printf '\\n${MARK} report-exit %s--\\n' "$?"`,
  `printf '%s\\n' '${MARK} containers--'; docker ps --no-trunc --format '{{.ID}} {{.Names}}' 2>&1; printf '\\n${MARK} containers-exit %s--\\n' "$?"`,
].join("\n");

export interface NodeContainer {
  id: string;
  name: string;
}

export type NodeWeaveProbe =
  | { router: "up"; hostname: string | null; report: WeaveReport; containers: NodeContainer[] | null; containersError: string | null }
  | { router: "down" | "unreadable"; hostname: string | null; error: string; containers: NodeContainer[] | null; containersError: string | null };

function section(out: string, name: string): string | null {
  const start = out.indexOf(`${MARK} ${name}--\n`);
  if (start < 0) return null;
  const from = start + MARK.length + name.length + 4;
  const end = out.indexOf(`\n${MARK} `, from - 1);
  return out.slice(from, end < 0 ? undefined : end);
}

function exitOf(out: string, name: string): number | null {
  const m = new RegExp(`${MARK} ${name}-exit (\\d+)--`).exec(out);
  return m ? Number(m[1]) : null;
}

// curl's exit codes for "nothing answered on 127.0.0.1:6784" (7 refused, 28 timed out, 52 empty reply).
const CURL_WORDS: Record<number, string> = {
  7: "nothing listens on 127.0.0.1:6784: the Weave router is not running on this node",
  28: "the Weave router's API on 127.0.0.1:6784 did not answer within 5 s",
  52: "the Weave router's API on 127.0.0.1:6784 closed the connection without a reply",
  127: "curl is not installed on this node",
};

function parseContainers(out: string): { containers: NodeContainer[] | null; containersError: string | null } {
  const body = section(out, "containers");
  const code = exitOf(out, "containers");
  if (body === null || code === null) return { containers: null, containersError: "the container list was cut short" };
  if (code !== 0) return { containers: null, containersError: `docker ps failed (exit ${code}): ${body.trim().slice(0, 300)}` };
  const containers: NodeContainer[] = [];
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]{12,64}) (\S+)$/.exec(line.trim());
    if (m) containers.push({ id: m[1]!, name: m[2]!.replace(/^\//, "") });
  }
  return { containers, containersError: null };
}

export function parseNodeWeaveProbe(stdout: string): NodeWeaveProbe {
  const hostname = section(stdout, "hostname")?.trim() || null;
  const containers = parseContainers(stdout);
  const code = exitOf(stdout, "report");
  const body = section(stdout, "report");
  if (code === null || body === null) return { router: "unreadable", hostname, error: "the node's reply was cut short", ...containers };
  if (code !== 0) return { router: "down", hostname, error: CURL_WORDS[code] ?? `curl to the Weave router's API failed (exit ${code})`, ...containers };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const first = body.trim().split("\n")[0]?.slice(0, 200) ?? "";
    return { router: "unreadable", hostname, error: `the Weave router's /report is not JSON${first ? `: "${first}"` : " (an empty reply)"}`, ...containers };
  }
  const parsed = weaveReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { router: "unreadable", hostname, error: `the Weave router's /report is not what Weave 2.x writes (${issue?.path.join(".") || "top level"}: ${issue?.message})`, ...containers };
  }
  return { router: "up", hostname, report: parsed.data, ...containers };
}
