"use strict";
// A minimal ZooKeeper client (jute wire protocol over TCP) for the Mesos and Marathon
// stand-ins, so they talk to the real ZooKeeper the way the real daemons do: a session with
// pings, the /mesos/json.info_ leader znodes, Marathon's leader latch, and leader discovery
// by agents. Only what those need: connect/reconnect, create, getChildren, getData, close.

const net = require("node:net");

const OPS = { create: 1, delete: 2, exists: 3, getData: 4, getChildren: 8, ping: 11, closeSession: -11 };
const ERR = { NONODE: -101, NODEEXISTS: -110, SESSIONEXPIRED: -112 };
const OPEN_ACL_UNSAFE = [{ perms: 31, scheme: "world", id: "anyone" }];

class Writer {
  constructor() {
    this.parts = [];
  }
  int(v) {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    this.parts.push(b);
    return this;
  }
  long(v) {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(v));
    this.parts.push(b);
    return this;
  }
  bool(v) {
    this.parts.push(Buffer.from([v ? 1 : 0]));
    return this;
  }
  buffer(buf) {
    if (buf === null) return this.int(-1);
    this.int(buf.length);
    this.parts.push(buf);
    return this;
  }
  string(s) {
    return this.buffer(Buffer.from(s, "utf8"));
  }
  framed() {
    const body = Buffer.concat(this.parts);
    const len = Buffer.alloc(4);
    len.writeInt32BE(body.length);
    return Buffer.concat([len, body]);
  }
}

class Reader {
  constructor(buf) {
    this.buf = buf;
    this.off = 0;
  }
  int() {
    const v = this.buf.readInt32BE(this.off);
    this.off += 4;
    return v;
  }
  long() {
    const v = this.buf.readBigInt64BE(this.off);
    this.off += 8;
    return v;
  }
  buffer() {
    const n = this.int();
    if (n < 0) return null;
    const b = this.buf.subarray(this.off, this.off + n);
    this.off += n;
    return b;
  }
  string() {
    const b = this.buffer();
    return b === null ? null : b.toString("utf8");
  }
}

class ZkError extends Error {
  constructor(code, op) {
    super(`ZooKeeper ${op} failed with error ${code}`);
    this.code = code;
  }
}

/**
 * One ZooKeeper session. `onLost(reason)` fires when the session cannot be kept: the server
 * stayed unreachable for the session timeout, or told us the session expired.
 */
class ZkSession {
  constructor(servers, { sessionTimeoutMs = 10000, onLost = () => {}, log = () => {} } = {}) {
    this.servers = servers;
    this.sessionTimeoutMs = sessionTimeoutMs;
    this.onLost = onLost;
    this.log = log;
    this.sessionId = 0n;
    this.passwd = Buffer.alloc(16);
    this.xid = 1;
    this.pending = new Map();
    this.socket = undefined;
    this.closed = false;
    this.server = undefined;
  }

  /** Resolves once a session is established; rejects after timeoutMs without one. */
  async connect(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let lastError = "no server answered";
    for (let i = 0; Date.now() < deadline; i++) {
      const server = this.servers[i % this.servers.length];
      try {
        await this.handshake(server, Math.max(500, Math.min(2000, deadline - Date.now())));
        this.server = server;
        return server;
      } catch (e) {
        lastError = e.message;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    throw new Error(lastError);
  }

  handshake(server, timeoutMs) {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: server.host, port: server.port });
      let buf = Buffer.alloc(0);
      let done = false;
      const fail = (msg) => {
        if (done) return;
        done = true;
        socket.destroy();
        reject(new Error(msg));
      };
      const timer = setTimeout(() => fail(`timed out connecting to ${server.host}:${server.port}`), timeoutMs);
      socket.on("error", (e) => (clearTimeout(timer), fail(`${e.code || e.message} connecting to ${server.host}:${server.port}`)));
      socket.on("close", () => {
        clearTimeout(timer);
        if (!done) fail(`connection to ${server.host}:${server.port} closed during handshake`);
        else if (this.socket === socket) this.connectionLost();
      });
      socket.on("connect", () => {
        socket.write(new Writer().int(0).long(0).int(this.sessionTimeoutMs).long(this.sessionId).buffer(this.passwd).bool(false).framed());
      });
      socket.on("data", (chunk) => {
        buf = Buffer.concat([buf, chunk]);
        while (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
          const frame = buf.subarray(4, 4 + buf.readInt32BE(0));
          buf = buf.subarray(4 + frame.length);
          if (!done) {
            clearTimeout(timer);
            const r = new Reader(frame);
            r.int();
            const timeout = r.int();
            const sessionId = r.long();
            const passwd = r.buffer();
            if (timeout <= 0) {
              done = true;
              socket.destroy();
              reject(Object.assign(new Error("session expired"), { expired: true }));
              return;
            }
            done = true;
            this.sessionId = sessionId;
            this.passwd = Buffer.from(passwd);
            this.negotiatedTimeout = timeout;
            this.socket = socket;
            this.startPings();
            resolve();
          } else {
            this.onFrame(frame);
          }
        }
      });
    });
  }

  startPings() {
    clearInterval(this.pinger);
    this.pinger = setInterval(() => {
      if (this.socket) this.socket.write(new Writer().int(-2).int(OPS.ping).framed());
    }, Math.max(500, Math.floor(this.negotiatedTimeout / 3)));
  }

  onFrame(frame) {
    const r = new Reader(frame);
    const xid = r.int();
    r.long();
    const err = r.int();
    if (xid === -2 || xid === -1) return;
    const p = this.pending.get(xid);
    if (!p) return;
    this.pending.delete(xid);
    if (err !== 0) p.reject(new ZkError(err, p.op));
    else p.resolve(r);
  }

  // Like the real clients: keep the session if any server takes it back within its timeout.
  async connectionLost() {
    clearInterval(this.pinger);
    this.socket = undefined;
    for (const p of this.pending.values()) p.reject(new Error("connection loss"));
    this.pending.clear();
    if (this.closed) return;
    this.log(`Lost connection to ZooKeeper ${this.server.host}:${this.server.port}; trying to keep session 0x${this.sessionId.toString(16)}`);
    const deadline = Date.now() + this.sessionTimeoutMs;
    while (!this.closed && Date.now() < deadline) {
      for (const server of this.servers) {
        try {
          await this.handshake(server, 1000);
          this.server = server;
          this.log(`Reconnected to ZooKeeper ${server.host}:${server.port}, session 0x${this.sessionId.toString(16)} kept`);
          return;
        } catch (e) {
          if (e.expired) {
            this.closed = true;
            this.onLost("session expired");
            return;
          }
        }
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    if (!this.closed) {
      this.closed = true;
      this.onLost("session timed out");
    }
  }

  request(op, body) {
    if (!this.socket) return Promise.reject(new Error("not connected"));
    const xid = this.xid++;
    const w = new Writer().int(xid).int(OPS[op]);
    body(w);
    return new Promise((resolve, reject) => {
      this.pending.set(xid, { resolve, reject, op });
      this.socket.write(w.framed());
    });
  }

  /** flags: 0 persistent, 1 ephemeral, 2 sequential, 3 ephemeral+sequential. */
  async create(path, data, flags = 0) {
    const r = await this.request("create", (w) => {
      w.string(path).buffer(data === undefined ? null : Buffer.from(data));
      w.int(OPEN_ACL_UNSAFE.length);
      for (const acl of OPEN_ACL_UNSAFE) w.int(acl.perms).string(acl.scheme).string(acl.id);
      w.int(flags);
    });
    return r.string();
  }

  /** Creates every missing ancestor of path (and path itself) as persistent znodes. */
  async mkdirp(path) {
    let cur = "";
    for (const part of path.split("/").filter(Boolean)) {
      cur += "/" + part;
      try {
        await this.create(cur, undefined, 0);
      } catch (e) {
        if (e.code !== ERR.NODEEXISTS) throw e;
      }
    }
  }

  async getChildren(path) {
    const r = await this.request("getChildren", (w) => w.string(path).bool(false));
    const n = r.int();
    const out = [];
    for (let i = 0; i < n; i++) out.push(r.string());
    return out;
  }

  async getData(path) {
    const r = await this.request("getData", (w) => w.string(path).bool(false));
    return r.buffer();
  }

  close() {
    this.closed = true;
    clearInterval(this.pinger);
    if (this.socket) {
      try {
        this.socket.write(new Writer().int(this.xid++).int(OPS.closeSession).framed());
      } catch {
        // already gone
      }
      this.socket.end();
    }
  }
}

module.exports = { ZkSession, ZkError, ERR };
