import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { recordAuditEvent } from "@/lib/audit/recordAuditEvent";
import { createUserSchema } from "@/lib/auth/userInput";
import { createUser, listUsers } from "@/lib/auth/users";

export const GET = apiRoute({ role: "admin" }, async () => ({ users: await listUsers() }));

export const POST = apiRoute({ role: "admin" }, async ({ body, actor }) => {
  const input = await body(createUserSchema);
  const user = await createUser(input.username, input.password, input.role);
  await recordAuditEvent({ actor, action: "user.create", target: user.username, result: "success", detail: { role: user.role } });
  return NextResponse.json(user, { status: 201 });
});
