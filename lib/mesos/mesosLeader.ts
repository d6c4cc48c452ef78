// Which hosts the Mesos client may follow a redirect to. A non-leading master answers 307 with a
// scheme-less `Location: //<leader host>:<port><path>` (mesos/README.md "A non-leading master").
// Following any Location would make Armdeck an open proxy for whoever controls a master's reply,
// so only the cluster's registered masters and leaders named by their own /master/state replies
// (leader_info / leader) are accepted.

import { authorityOf } from "../http/upstreamError.ts";
import type { MesosState } from "./mesosSchemas.ts";

/** The absolute URL a 307 points at, resolved the way a browser would (protocol-relative → the asking master's scheme). */
export function resolveRedirect(location: string, from: string): URL | null {
  try {
    const url = new URL(location, from);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** The leader's authorities a /master/state reply names: leader_info {hostname, port} and the pid "master@ip:port". */
export function leadersNamedIn(state: MesosState): string[] {
  const named: string[] = [];
  const info = state.leader_info;
  if (info?.hostname && info.port !== undefined) named.push(`${info.hostname.toLowerCase()}:${info.port}`);
  for (const pid of [info?.pid, state.leader]) {
    const m = pid ? /@([^:@]+):(\d+)$/.exec(pid) : null;
    if (m) named.push(`${m[1]!.toLowerCase()}:${m[2]}`);
  }
  return [...new Set(named)];
}

export class LeaderAllowList {
  private readonly registered: Set<string>;
  private readonly named = new Set<string>();

  constructor(masters: string[]) {
    this.registered = new Set(masters.map(authorityOf));
  }

  learnFrom(state: MesosState): void {
    for (const a of leadersNamedIn(state)) this.named.add(a);
  }

  allows(url: URL | string): boolean {
    const a = authorityOf(url.toString());
    return this.registered.has(a) || this.named.has(a);
  }
}
