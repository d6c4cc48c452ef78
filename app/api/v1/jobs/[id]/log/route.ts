import { apiRoute } from "@/lib/api/apiRoute";
import { getJob } from "@/lib/jobs/getJob";
import { logStream } from "@/lib/jobs/logDownload";

/** The raw bytes of the job's log, exactly as the node wrote them. */
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => {
  const { job } = await getJob(params.id);
  return new Response(logStream([{ id: job.id }]), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Disposition": `attachment; filename="armdeck-${job.nodeName}-${job.stepId}.log"`, "Cache-Control": "no-store" },
  });
});
