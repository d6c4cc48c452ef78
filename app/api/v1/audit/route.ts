import { apiRoute } from "@/lib/api/apiRoute";
import { auditQuerySchema } from "@/lib/audit/auditQuery";
import { listAuditEvents } from "@/lib/audit/listAuditEvents";

export const GET = apiRoute({ role: "admin" }, async ({ query }) => listAuditEvents(query(auditQuerySchema)));
