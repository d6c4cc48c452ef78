import { MarathonClient } from "../marathon/marathonClient.ts";
import { MesosClient } from "../mesos/mesosClient.ts";

// The probe on save: each registered endpoint asked once, with short timeouts, and the answer put
// in words. A failed probe never refuses the save: an operator may register a cluster before it
// is up; the reply just says so.

export interface EndpointProbe {
  url: string;
  service: "mesos" | "marathon";
  ok: boolean;
  detail: string;
}

const TIMEOUTS = { connectTimeoutMs: 1_500, readTimeoutMs: 3_000, maxBytes: 1024 * 1024 };

function wordsOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function probeMesos(url: string): Promise<EndpointProbe> {
  try {
    const reply = await new MesosClient({ masters: [url], ...TIMEOUTS }).version(url);
    return { url, service: "mesos", ok: true, detail: `Mesos ${reply.data.version} answered /version` };
  } catch (error) {
    return { url, service: "mesos", ok: false, detail: wordsOf(error) };
  }
}

async function probeMarathon(url: string): Promise<EndpointProbe> {
  try {
    const reply = await new MarathonClient({ instances: [url], ...TIMEOUTS }).info();
    const leader = reply.data.leader ? `; leader ${reply.data.leader}` : "";
    return { url, service: "marathon", ok: true, detail: `Marathon ${reply.data.version} answered /v2/info${leader}` };
  } catch (error) {
    return { url, service: "marathon", ok: false, detail: wordsOf(error) };
  }
}

/** Every endpoint at once: each is a different upstream, asked exactly once. */
export function probeEndpoints(endpoints: { mesosMasters: string[]; marathon: string[] }): Promise<EndpointProbe[]> {
  return Promise.all([...endpoints.mesosMasters.map(probeMesos), ...endpoints.marathon.map(probeMarathon)]);
}

/** One line for the audit log and the page: "2 of 3 endpoints answered". */
export function probeSummary(probes: EndpointProbe[]): string {
  if (probes.length === 0) return "No endpoints to probe yet";
  const ok = probes.filter((p) => p.ok).length;
  return ok === probes.length ? `All ${probes.length} endpoints answered` : `${ok} of ${probes.length} endpoints answered`;
}
