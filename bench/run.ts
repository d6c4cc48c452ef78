// `npm run bench`: every benchmark on this machine, one line per figure: `name: value (target)`.
// Each starts its own sshd hosts on loopback and stops them.
import { benchConnectivity } from "./connectivity.bench";
import { benchFanOut } from "./fanOut.bench";
import { benchGroupCheck } from "./groupCheck.bench";
import { benchLogPath } from "./logPath.bench";
import { benchLogViewer } from "./logViewer.bench";
import { benchPreflight } from "./preflight.bench";
import { benchUpstreamLoad } from "./upstreamLoad.bench";

const only = process.argv[2];
const benches: [string, () => Promise<void>][] = [
  ["log-path", benchLogPath],
  ["fan-out", benchFanOut],
  ["log-viewer", benchLogViewer],
  ["upstream-load", benchUpstreamLoad],
  ["group-check", benchGroupCheck],
  ["connectivity", benchConnectivity],
  ["preflight", benchPreflight],
];
for (const [name, fn] of benches) {
  if (only && only !== name) continue;
  await fn();
}
process.exit(0);
