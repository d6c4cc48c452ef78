// One view of an app's networking across Marathon versions: 1.4 wrote container.docker.network
// and container.docker.portMappings; 1.5+ replies write networks[] and container.portMappings
// (notes §1, "Correction"). Panels read these helpers, never the raw fields.

import type { MarathonApp } from "./marathonSchemas.ts";

export type NetworkMode = "host" | "container/bridge" | "container" | "none";

const LEGACY: Record<string, NetworkMode> = { HOST: "host", BRIDGE: "container/bridge", USER: "container", NONE: "none" };

export function appNetworkMode(app: MarathonApp): NetworkMode {
  const modern = app.networks?.[0]?.mode;
  if (modern === "host" || modern === "container/bridge" || modern === "container") return modern;
  const legacy = app.container?.docker?.network?.toUpperCase();
  if (legacy && LEGACY[legacy]) return LEGACY[legacy];
  return "host"; // Marathon's default network (notes §5 `networks` default)
}

export function appPortMappings(app: MarathonApp) {
  return app.container?.portMappings ?? app.container?.docker?.portMappings ?? [];
}
