import type { DeployIssue } from "./deployContract.ts";

/** Errors refuse the deploy; warnings are shown beside the field and let it through. */
export class Issues {
  readonly errors: DeployIssue[] = [];
  readonly warnings: DeployIssue[] = [];

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }
}
