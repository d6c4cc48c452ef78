import { apiRoute } from "@/lib/api/apiRoute";
import { factsRequestSchema } from "@/lib/nodes/nodeInput";
import { previewFacts } from "@/lib/nodes/previewFacts";

export const POST = apiRoute({ role: "operator" }, async ({ body, actor }) => ({
  facts: await previewFacts(await body(factsRequestSchema), actor),
}));
