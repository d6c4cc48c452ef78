import { askFourLetterWord } from "./fourLetterWord.ts";
import { parseSrvr, type SrvrReply } from "./srvrReply.ts";

// Every member of a cluster's ensemble asked `srvr`, one after the other (never two connections at
// once: the poller's zookeeper lane runs this one fetch at a time). srvr is on 3.5+'s default
// whitelist, unlike mntr, and it says the Mode a quorum gives.

export interface EnsembleMember {
  node: string;
  address: string;
  port: number;
}

export interface MemberAnswer {
  node: string;
  address: string;
  reply: SrvrReply | null;
  /** Why there is no reply, in words: connection refused, no reply within 3 s, not a srvr reply… */
  error: string | null;
}

const PER_SERVER_TIMEOUT_MS = 3_000;

export async function probeEnsemble(members: EnsembleMember[], signal: AbortSignal): Promise<MemberAnswer[]> {
  const out: MemberAnswer[] = [];
  for (const m of members) {
    if (signal.aborted) break;
    try {
      const text = await askFourLetterWord(m.address, m.port, "srvr", { timeoutMs: PER_SERVER_TIMEOUT_MS, signal });
      out.push({ node: m.node, address: m.address, reply: parseSrvr(text), error: null });
    } catch (e) {
      out.push({ node: m.node, address: m.address, reply: null, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}
