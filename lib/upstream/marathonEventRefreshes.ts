import type { MarathonEvent } from "../marathon/marathonEvents.ts";

// Which poll sources a Marathon event makes stale. The event only says "this changed"; the data
// itself is re-read through the poller, so what the panels show always comes from one reply shape
// and the event's own (possibly huge, possibly partial) JSON is never trusted as state.

const DEPLOYMENT = ["marathon.deployments", "marathon.groups", "marathon.queue"];
// A task changed: Marathon's counts (groups), what waits (queue) and Mesos' own view of the task
// and its agent's used resources (mesos.state).
const TASK = ["marathon.groups", "marathon.queue", "mesos.state"];

const REFRESHES: Partial<Record<MarathonEvent["eventType"], string[]>> = {
  deployment_info: DEPLOYMENT,
  deployment_step_success: DEPLOYMENT,
  deployment_step_failure: DEPLOYMENT,
  deployment_success: DEPLOYMENT,
  deployment_failed: DEPLOYMENT,
  group_change_success: ["marathon.groups", "marathon.deployments"],
  group_change_failed: ["marathon.groups", "marathon.deployments"],
  status_update_event: TASK,
  instance_changed_event: TASK,
  instance_health_changed_event: ["marathon.groups"],
  app_terminated_event: TASK,
};

/** What the feed asks Marathon for (`event_type=`), so nothing else crosses the wire. */
export const SUBSCRIBED_EVENT_TYPES = ["event_stream_attached", ...Object.keys(REFRESHES)];

export function sourcesChangedBy(event: MarathonEvent): readonly string[] {
  return REFRESHES[event.eventType] ?? [];
}

/** There is no Last-Event-ID: whatever happened while the stream was down is re-read on (re)connect. */
export const REREAD_ON_CONNECT = ["marathon.deployments", "marathon.groups"];
