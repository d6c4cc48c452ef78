import { isIpv4 } from "./checkLayout.ts";
import { LINE_PREFIX } from "./nodeCheckScript.ts";

// Reads a node's check output back into per-row results. Only lines the host wrote count, and a
// row's lines only describe that row; everything else (a container's stray output) is ignored.

export interface ToolAnswer {
  code: number;
  text: string;
  via?: "container" | "host";
}

export interface RowOutput {
  tools?: { getent: boolean; nslookup: boolean; ping: boolean };
  nameservers: string[];
  dns: Map<number, ToolAnswer>;
  ping: Map<number, ToolAnswer>;
  /** The container has no ping (and none was installed), so its IP cells were not tried. */
  noPing?: boolean;
  dockerExit?: number;
  /** docker's own words when `docker exec` failed. */
  other: string[];
}

export interface NodeOutput {
  /** WeaveDNS's address on that node, null when the router did not say. */
  weaveDns: string | null;
  done: boolean;
  rows: Map<number, RowOutput>;
}

const INT = /^(0|[1-9][0-9]{0,8})$/;

function rowOf(out: NodeOutput, row: number): RowOutput {
  let r = out.rows.get(row);
  if (!r) out.rows.set(row, (r = { nameservers: [], dns: new Map(), ping: new Map(), other: [] }));
  return r;
}

function answer(words: string[], kind: "dns" | "ping"): { column: number; value: ToolAnswer } | null {
  const [column, code, ...rest] = words;
  if (!column || !code || !INT.test(column) || !INT.test(code)) return null;
  let via: ToolAnswer["via"];
  if (kind === "ping" && (rest[0] === "via=container" || rest[0] === "via=host")) via = rest.shift()!.slice(4) as ToolAnswer["via"];
  return { column: Number(column), value: { code: Number(code), text: rest.join(" ").trim(), via } };
}

export function parseCheckOutput(text: string): NodeOutput {
  const out: NodeOutput = { weaveDns: null, done: false, rows: new Map() };
  for (const line of text.split("\n")) {
    const words = line.trim().split(/ +/);
    if (words[0] !== LINE_PREFIX) continue;
    if (words[1] === "H") {
      if (words[2] === "dnsaddr" && words[3] && isIpv4(words[3])) out.weaveDns = words[3];
      if (words[2] === "done") out.done = true;
      continue;
    }
    const rowWord = words[1]?.match(/^C(0|[1-9][0-9]{0,8})$/);
    if (!rowWord) continue;
    const row = rowOf(out, Number(rowWord[1]));
    const [kind, ...rest] = words.slice(2);
    if (kind === "tools") {
      const has = (k: string) => rest.includes(`${k}=1`);
      row.tools = { getent: has("getent"), nslookup: has("nslookup"), ping: has("ping") };
    } else if (kind === "resolv") row.nameservers = rest.filter(Boolean);
    else if (kind === "dns" || kind === "ping") {
      const a = answer(rest, kind);
      if (a) (kind === "dns" ? row.dns : row.ping).set(a.column, a.value);
    } else if (kind === "noping") row.noPing = true;
    else if (kind === "docker-exit" && rest[0] && INT.test(rest[0])) row.dockerExit = Number(rest[0]);
    else if (row.other.length < 5) row.other.push([kind, ...rest].join(" ").trim());
  }
  return out;
}
