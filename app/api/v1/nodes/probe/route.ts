import { apiRoute } from "@/lib/api/apiRoute";
import { probeSchema } from "@/lib/nodes/nodeInput";
import { probeHostKey } from "@/lib/nodes/probeHostKey";

export const POST = apiRoute({ role: "operator" }, async ({ body, actor }) => probeHostKey(await body(probeSchema), actor));
