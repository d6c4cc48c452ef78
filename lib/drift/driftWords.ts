// What it means, in words, when a step's check no longer passes on a node that was brought up.
// Keyed by step id; a service's start check is its health probe.

const WORDS: Record<string, string> = {
  "prereq.packages": "runbook packages missing (dpkg no longer lists them all)",
  "prereq.docker": "docker missing from the PATH",
  "prereq.sbt": "sbt missing from the PATH",
  "prereq.image": "the base Docker image is gone",
  "mesos.fetch": "the Mesos source tree is missing or not at the configured version",
  "mesos.bootstrap": "Mesos's generated configure script is missing",
  "mesos.configure": "the Mesos build tree is not configured with today's arguments",
  "mesos.make-first-pass": "the first aarch64 build pass left no trace in a rebuilt tree",
  "mesos.fix-config-guess": "config.guess fix missing in a rebuilt tree",
  "mesos.make": "the Mesos build is gone (no build marker)",
  "mesos.install": "Mesos is not installed at the configured version in /usr/local",
  "zookeeper.configure": "ZooKeeper's zoo.cfg is missing or changed",
  "weave.install": "the weave script is missing or not at the configured version",
  "marathon.fetch": "the Marathon source tree is not at the configured tag",
  "marathon.build": "Marathon's staged bin/marathon is gone",
};

/** "mesos-agent on od1000-0: unit not active (its health probe fails)". */
export function driftMessage(stepId: string, nodeName: string, answer: string): string {
  const start = /^(.+)\.start$/.exec(stepId);
  const said = answer ? ` (${answer})` : "";
  if (start) return `${start[1]} on ${nodeName}: not running, its health probe fails${said}`;
  return `${stepId} on ${nodeName}: ${WORDS[stepId] ?? "its check no longer passes"}${said}`;
}
