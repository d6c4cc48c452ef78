import net from "node:net";

// One four-letter word over TCP: send it, read until ZooKeeper closes the connection (it always
// does after a reply). Written with printf semantics, no newline: an unread byte left in the
// server's socket can turn its close into a reset that drops the reply (see services.ts).

const MAX_REPLY = 64 * 1024;

export function askFourLetterWord(host: string, port: number, word: "srvr" | "ruok", opts: { timeoutMs: number; signal?: AbortSignal }): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      socket.destroy();
      if (err) reject(err);
      else resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onAbort = () => finish(new Error("the request was aborted"));
    const timer = setTimeout(() => finish(new Error(`no reply within ${Math.round(opts.timeoutMs / 1000)} s`)), opts.timeoutMs);
    opts.signal?.addEventListener("abort", onAbort);
    socket.on("connect", () => socket.end(word));
    socket.on("data", (b: Buffer) => {
      size += b.length;
      if (size > MAX_REPLY) return finish(new Error(`reply larger than ${MAX_REPLY} bytes`));
      chunks.push(b);
    });
    socket.on("end", () => finish(null));
    socket.on("error", (e: NodeJS.ErrnoException) => finish(new Error(socketWords(e))));
  });
}

function socketWords(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "host unreachable";
    case "ECONNRESET":
      return "connection reset";
    default:
      return e.code ?? e.message;
  }
}
