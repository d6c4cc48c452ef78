// Constraint syntax as Marathon 1.5.1 checks it (notes §5 `constraints`): [field, OPERATOR] or
// [field, OPERATOR, value], with the operator's own rule for the value.

import { compileConstraintPattern } from "./constraintPattern.ts";
import { pointer, type Json } from "./groupTree.ts";
import type { Issues } from "./issues.ts";

export const CONSTRAINT_OPERATORS = ["UNIQUE", "CLUSTER", "GROUP_BY", "LIKE", "UNLIKE", "MAX_PER"] as const;

export function validateConstraints(raw: Json | undefined, at: string, issues: Issues): void {
  if (raw === undefined || raw === null) return;
  if (!Array.isArray(raw)) return issues.error(at, 'constraints must be a list of [field, OPERATOR, value?], e.g. ["hostname", "UNIQUE"]');
  raw.forEach((c, i) => {
    const cp = pointer(at, i);
    if (!Array.isArray(c) || c.length < 2 || c.length > 3 || !c.every((x) => typeof x === "string")) {
      return issues.error(cp, 'Each constraint is [field, OPERATOR] or [field, OPERATOR, value], all strings');
    }
    const [field, op, value] = c as string[];
    if (!field) issues.error(pointer(cp, 0), "The field must not be empty (hostname or an agent attribute)");
    if (!(CONSTRAINT_OPERATORS as readonly string[]).includes(op!)) {
      return issues.error(pointer(cp, 1), "operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER or UNLIKE");
    }
    const vp = pointer(cp, 2);
    switch (op) {
      case "UNIQUE":
        if (value !== undefined) issues.error(vp, "UNIQUE does not accept a value");
        break;
      case "MAX_PER":
        if (value === undefined || !/^\d{1,9}$/.test(value)) issues.error(value === undefined ? cp : vp, "MAX_PER requires an integer value");
        break;
      case "GROUP_BY":
        if (value !== undefined && !/^\d{1,9}$/.test(value)) issues.error(vp, "GROUP BY must define an integer value or else no value at all");
        break;
      case "LIKE":
      case "UNLIKE": {
        if (value === undefined) {
          issues.error(cp, `${op} needs a regular expression as its value`);
          break;
        }
        const compiled = compileConstraintPattern(value);
        if ("problem" in compiled) issues.error(vp, compiled.problem);
        break;
      }
    }
  });
}
