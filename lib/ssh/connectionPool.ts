import type { Client } from "ssh2";
import { db } from "../db/client.ts";
import { NotFoundError } from "../errors.ts";
import { openCredentials } from "../nodes/nodeCredentials.ts";
import { openConnection } from "./openConnection.ts";

/**
 * One SSH connection per node, shared by all of that node's steps (channels multiplex on it).
 * A dropped connection leaves the pool by itself; the next user opens a fresh one, with the
 * pinned host key checked again.
 */
export class ConnectionPool {
  private readonly connections = new Map<string, Promise<Client>>();

  get(nodeId: string): Promise<Client> {
    let conn = this.connections.get(nodeId);
    if (!conn) {
      const opened = this.open(nodeId);
      conn = opened;
      this.connections.set(nodeId, opened);
      // Forget only this connection: a late close of an older one must not drop its successor
      // (the pool is shared by the whole process, lib/ssh/sharedPool.ts).
      const forget = () => {
        if (this.connections.get(nodeId) === opened) this.connections.delete(nodeId);
      };
      opened.then((client) => {
        client.on("close", forget);
        client.on("error", forget);
      }, forget);
    }
    return conn;
  }

  /** Forget a connection that failed a command, so the next get() reconnects. */
  drop(nodeId: string, client?: Client): void {
    const conn = this.connections.get(nodeId);
    this.connections.delete(nodeId);
    if (client) client.end();
    else conn?.then((c) => c.end()).catch(() => undefined);
  }

  closeAll(): void {
    for (const id of [...this.connections.keys()]) this.drop(id);
  }

  private async open(nodeId: string): Promise<Client> {
    const node = await db.node.findUnique({ where: { id: nodeId } });
    if (!node) throw new NotFoundError("Node");
    return openConnection(node, openCredentials(node.secretCipher), node.hostKeyFingerprint);
  }
}
