import { apiRoute } from "@/lib/api/apiRoute";
import { checkNode } from "@/lib/nodes/checkNode";

export const POST = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, actor }) => checkNode(params.id, actor));
