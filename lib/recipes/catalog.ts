import { marathonBuildSteps } from "./components/marathonBuild.ts";
import { mesosBuildSteps } from "./components/mesosBuild.ts";
import { prerequisiteSteps } from "./components/prerequisites.ts";
import { serviceSteps } from "./components/services.ts";
import { weaveSteps } from "./components/weave.ts";
import { zookeeperSteps } from "./components/zookeeper.ts";
import type { StepDef } from "./recipeTypes.ts";

// Client-safe list of plans; the runbook in the order an operator would follow it.
export { PLANS, type PlanKind } from "./planKinds.ts";

export const prepareSteps: StepDef[] = prerequisiteSteps;
export const buildSteps: StepDef[] = [...mesosBuildSteps, ...zookeeperSteps, ...weaveSteps, ...marathonBuildSteps];
export const startSteps = (): StepDef[] => serviceSteps("start");
export const stopSteps = (): StepDef[] => serviceSteps("stop");
export const statusSteps = (): StepDef[] => serviceSteps("status");
