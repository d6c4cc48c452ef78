import { UpstreamError, type UpstreamName } from "../http/upstreamError.ts";
import { wordsOf } from "../upstream/wordsOf.ts";

// Which status a panel answers when its upstream failed, and the words it says: 503 when the
// upstream has no leader (it is up but cannot serve), 504 when it did not answer in time, 502
// for everything else it did wrong (refused, unresolvable, a reply that is not Mesos' or
// Marathon's). Never 500: the fault is upstream, and the message names it.

export interface UpstreamFailure {
  status: 502 | 503 | 504;
  code: string;
  upstream: string;
  message: string;
}

const LABEL: Record<string, string> = { mesos: "Mesos", marathon: "Marathon", ssh: "SSH" };

export function upstreamFailure(upstream: UpstreamName | "ssh", cause: unknown, words?: string): UpstreamFailure {
  if (cause instanceof UpstreamError) {
    const status = cause.kind === "no_leader" ? 503 : cause.kind === "timeout" ? 504 : 502;
    return { status, code: `upstream_${cause.kind}`, upstream: cause.upstream, message: cause.message };
  }
  const message = words ?? wordsOf(cause);
  const timedOut = cause instanceof Error && (cause.name === "AbortError" || cause.name === "TimeoutError");
  const label = LABEL[upstream] ?? upstream;
  return {
    status: timedOut ? 504 : 502,
    code: timedOut ? "upstream_timeout" : "upstream_error",
    upstream,
    message: message.toLowerCase().includes(label.toLowerCase()) ? message : `${label}: ${message}`,
  };
}
