import { AppError } from "../errors.ts";
import { describeSameMachine, type SameMachineNode } from "./sameMachine.ts";

/** 409: this machine is already a node; adding it again takes an explicit `allowDuplicate: true`. */
export class DuplicateNodeError extends AppError {
  constructor(readonly existing: SameMachineNode[]) {
    super(
      `This machine is already enrolled as ${describeSameMachine(existing)}. To add it again anyway (for example as another user), confirm it (allowDuplicate: true).`,
      409,
      "node_duplicate",
      { existing },
    );
  }
}
