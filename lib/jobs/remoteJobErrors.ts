// What can go wrong with a step on its node, as types the runner decides on (never by message text).

/** The step's folder is not on the node although the node had confirmed the step started. */
export class RemoteJobFolderGoneError extends Error {
  constructor(readonly dir: string) {
    super(`The step's folder ${dir} is gone from the node`);
    this.name = "RemoteJobFolderGoneError";
  }
}

/** Starting or following the step failed for a reason that may pass (script cut off in transit, a slow node). */
export class RemoteJobStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RemoteJobStartError";
  }
}
