// A poller source may cache a client's whole reply ({data, answeredBy, leader, …}, which carries
// which master or Marathon instance answered and who leads) or only the parsed body. The panels
// accept both, so they do not depend on how lib/cluster wires the clients into the poller.

export interface ReplyMeta {
  answeredBy: string | null;
  leader: string | null;
  /** Marathon: the standby that proxied the request ("1.1 host:port"). */
  via: string | null;
}

export interface Unwrapped<T> {
  data: T;
  meta: ReplyMeta;
}

function isClientReply(x: unknown): x is { data: unknown; answeredBy?: unknown; leader?: unknown; via?: unknown } {
  return typeof x === "object" && x !== null && "data" in x && "answeredBy" in x;
}

const str = (v: unknown) => (typeof v === "string" ? v : null);

export function unwrapReply<T>(cached: unknown): Unwrapped<T> {
  if (isClientReply(cached)) {
    return { data: cached.data as T, meta: { answeredBy: str(cached.answeredBy), leader: str(cached.leader), via: str(cached.via) } };
  }
  return { data: cached as T, meta: { answeredBy: null, leader: null, via: null } };
}
