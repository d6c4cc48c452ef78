// `BENCH_CPU_PROFILE=<dir> npm run bench -- upstream-load` loads this into the server (NODE_OPTIONS
// --require; Node refuses --cpu-prof there): a V8 CPU profile of the whole run, written to
// <dir>/server-<pid>.cpuprofile when the server is told to stop (open it in Chrome DevTools or speedscope;
// NODE_OPTIONS reaches the tsx wrapper too, which writes a small, idle one beside it).
const inspector = require("node:inspector");
const fs = require("node:fs");
const path = require("node:path");

const dir = process.env.BENCH_CPU_PROFILE;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1000 });
  session.post("Profiler.start");
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // Same-thread inspector calls complete synchronously, so the file is written before we return.
    session.post("Profiler.stop", (err, res) => {
      if (!err) fs.writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(res.profile));
    });
  };
  // At the stop signal, before the server's own shutdown: the harness kills a server that takes
  // more than 5 s to exit, and a long run's profile takes a while to serialize.
  process.prependListener("SIGTERM", write);
  process.prependListener("SIGINT", write);
  process.on("exit", write);
}
