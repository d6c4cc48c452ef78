// Client-safe: the wizard shows these, the API refuses with them.

/** An enrolled node that is (probably) the machine being added again. */
export interface SameMachineNode {
  id: string;
  name: string;
  address: string;
  port: number;
  /** The same pinned host key: the same machine, even behind another address or name. */
  sameHostKey: boolean;
  sameAddress: boolean;
}

export function describeSameMachine(nodes: SameMachineNode[]): string {
  return nodes
    .map((n) => `${n.name} (${[n.sameHostKey && "same host key", n.sameAddress && `same address ${n.address}:${n.port}`].filter(Boolean).join(", ")})`)
    .join(", ");
}
