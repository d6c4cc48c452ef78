// tsx standin/cli.ts --agents 50 --apps 300 --seed 1 --host 127.0.0.1 --mesos-port 0 --marathon-port 0
// Starts the stand-in on the real clock and prints its URLs as one JSON line.

import { parseArgs } from "node:util";
import { startStandin } from "./server";

const { values } = parseArgs({
  options: {
    agents: { type: "string", default: "3" },
    apps: { type: "string", default: "0" },
    tasks: { type: "string" },
    seed: { type: "string", default: "1" },
    host: { type: "string", default: "127.0.0.1" },
    "mesos-port": { type: "string", multiple: true },
    "marathon-port": { type: "string", multiple: true },
    "control-port": { type: "string", default: "0" },
    masters: { type: "string", default: "1" },
    marathons: { type: "string", default: "1" },
    "mesos-version": { type: "string", default: "1.4.0" },
  },
});

const ports = (given: string[] | undefined, count: number) => {
  const list = (given ?? []).map(Number);
  while (list.length < count) list.push(0);
  return list;
};

const standin = await startStandin({
  host: values.host,
  agents: Number(values.agents),
  apps: Number(values.apps),
  tasks: values.tasks ? Number(values.tasks) : undefined,
  seed: Number(values.seed),
  mesosPorts: ports(values["mesos-port"], Number(values.masters)),
  marathonPorts: ports(values["marathon-port"], Number(values.marathons)),
  controlPort: Number(values["control-port"]),
  mesosVersion: values["mesos-version"] === "1.11.0" ? "1.11.0" : "1.4.0",
});
process.stdout.write(`${JSON.stringify({ mesosUrls: standin.mesosUrls, marathonUrls: standin.marathonUrls, controlUrl: standin.controlUrl })}\n`);

const shutdown = () => void standin.stop().then(() => process.exit(0));
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
