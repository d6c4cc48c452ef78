// The job runner alone in its own process, on the database ARMDECK_DATA_DIR names: for tests that
// kill it (ARMDECK_CRASH_AT) where killing the test process itself is not an option.
import { dbReady } from "../../lib/db/client.ts";
import { JobRunner } from "../../workers/jobRunner.ts";

await dbReady();
await new JobRunner({ pollMs: 100, runnerId: `runner-process-${process.pid}` }).start();
