import { apiRoute } from "@/lib/api/apiRoute";
import { openApiDocument } from "@/lib/openapi/document";

export const GET = apiRoute({ role: "viewer" }, async () => openApiDocument());
