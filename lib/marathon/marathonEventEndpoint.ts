import { authorityOf } from "../http/upstreamError.ts";
import type { MarathonEventEndpoint } from "../upstream/marathonEventFeed.ts";
import { openMarathonEventStream, type MarathonEventStreamOptions } from "./marathonEventStream.ts";

// Where a cluster's event stream goes: the leader a poll named, but only when it is one of the
// cluster's registered instances (never an address taken from a reply alone), else the registered
// instances in turn, one per attempt.

export type MarathonEventLimits = Pick<MarathonEventStreamOptions, "connectTimeoutMs" | "idleTimeoutMs" | "maxEventBytes">;

export function marathonEventEndpoint(instances: string[], limits: MarathonEventLimits = {}): MarathonEventEndpoint {
  if (instances.length === 0) throw new Error("a Marathon event endpoint needs at least one registered instance");
  return {
    pick(leader, attempt) {
      const registeredLeader = leader ? instances.find((i) => authorityOf(i) === authorityOf(leader)) : undefined;
      const order = [...new Set([...(registeredLeader ? [registeredLeader] : []), ...instances])];
      return order[attempt % order.length]!;
    },
    open(instance, h) {
      return openMarathonEventStream({ ...limits, instance, eventTypes: h.eventTypes, onOpen: h.onOpen, onEvent: h.onEvent });
    },
  };
}
