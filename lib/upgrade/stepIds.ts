// Client-safe: the upgrade's own step ids (the run page groups an upgrade's jobs by them).
export const GATE_STEP_ID = "upgrade.gate";
export const ROLLBACK_SCRIPT_STEP_ID = "upgrade.rollback-script";
/** The rolling phase's steps; everything else in an upgrade run builds beside. */
export const ROLLING_STEP = (stepId: string) => stepId === GATE_STEP_ID || stepId === "mesos.install" || stepId === "upgrade.weave-install" || /\.(stop|start)$/.test(stepId);
