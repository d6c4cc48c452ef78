import { apiRoute } from "@/lib/api/apiRoute";

export const GET = apiRoute({ role: "viewer" }, async ({ principal }) => ({
  user: { id: principal.userId, username: principal.username, role: principal.role },
  via: principal.via,
  csrfToken: principal.via === "session" ? principal.csrfToken : null,
}));
