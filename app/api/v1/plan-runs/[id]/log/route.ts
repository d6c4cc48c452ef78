import { apiRoute } from "@/lib/api/apiRoute";
import { getPlanRun } from "@/lib/jobs/getPlanRun";
import { logStream } from "@/lib/jobs/logDownload";

/** Every job's log of the run, in order, each under a `==> node / step <==` header. */
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => {
  const { run, jobs } = await getPlanRun(params.id);
  return new Response(logStream(jobs.map((j) => ({ id: j.id, header: `==> ${j.nodeName} / ${j.stepId} (${j.status}) <==\n` }))), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Disposition": `attachment; filename="armdeck-${run.plan}-${run.id}.log"`, "Cache-Control": "no-store" },
  });
});
