import { z } from "zod";

// What the deploy routes accept at the edge. The group body is checked only for its outline here
// (an object, with lists where lists belong) and otherwise kept exactly as the user sent it:
// every unknown field reaches Marathon, and every deeper rule is checkGroup's, with a pointer.

export const groupBodySchema = z.looseObject({
  id: z.string().max(1_000).optional(),
  apps: z.array(z.unknown()).max(5_000).optional(),
  groups: z.array(z.unknown()).max(5_000).optional(),
  dependencies: z.array(z.unknown()).max(1_000).optional(),
});

const flag = z.enum(["true", "false"]).optional().transform((v) => v === "true");

/** `?force=true`: Marathon's force (cancel the deployments that lock the apps); `?skipFit=true`: deploy what does not fit. */
export const deployQuerySchema = z.object({ force: flag, skipFit: flag });

export const forceQuerySchema = z.object({ force: flag });

export const scaleBodySchema = z.object({ instances: z.number().int().min(0).max(100_000) });
