import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { deployGroup } from "@/lib/deploy/deployGroup";
import { deployQuerySchema, groupBodySchema } from "@/lib/deploy/deployInput";
import type { JsonObject } from "@/lib/deploy/groupTree";
import { groupsPanel } from "@/lib/panels/clusterPanels";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => groupsPanel(params.id));

export const POST = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, body, query, actor }) => {
  const group = (await body(groupBodySchema)) as JsonObject;
  const { force, skipFit } = query(deployQuerySchema);
  return NextResponse.json(await deployGroup(params.id, group, { force, skipFit }, actor), { status: 201 });
});
