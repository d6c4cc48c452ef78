import { db } from "../db/client.ts";
import { ConflictError } from "../errors.ts";

/** A taken name is a field error on `name`, so a form shows it beside the name input. */
export async function assertNodeNameFree(name: string): Promise<void> {
  if (await db.node.findUnique({ where: { name }, select: { id: true } })) {
    throw new ConflictError(`A node named ${name} already exists`, { fields: { name: "This name is taken" } });
  }
}
