// /v2/events framing of Jetty 9's EventSourceServlet (notes.md §8, audit §1.8): Accept must equal
// text/event-stream (else 405), reply text/event-stream;charset=UTF-8 with Connection: close,
// each event "event: <name>\r\ndata: <json>\r\n\r\n", a bare "\r\n" heartbeat every 10 s, no id:.

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Clock } from "../clock";
import type { EventBus, MarathonEvent } from "./eventBus";

export function frameEvent(event: MarathonEvent): string {
  return `event: ${event.eventType}\r\ndata: ${JSON.stringify(event)}\r\n\r\n`;
}

export function serveEvents(req: IncomingMessage, res: ServerResponse, bus: EventBus, clock: Clock, heartbeatMs = 10_000): void {
  if (req.headers.accept !== "text/event-stream") {
    res.writeHead(405, { "Content-Type": "text/html;charset=ISO-8859-1" });
    res.end("<html><body><h2>HTTP ERROR 405</h2><p>Problem accessing /v2/events. Reason: HTTP method GET is not supported by this URL</p></body></html>");
    return;
  }
  const url = new URL(req.url ?? "/", "http://marathon");
  const types = new Set(url.searchParams.getAll("event_type"));
  res.writeHead(200, { "Content-Type": "text/event-stream;charset=UTF-8", Connection: "close", "Cache-Control": "no-cache" });
  res.flushHeaders();
  const send = (e: MarathonEvent) => {
    if (types.size === 0 || types.has(e.eventType)) res.write(frameEvent(e));
  };
  const remote = req.socket.remoteAddress ?? "127.0.0.1";
  const unsubscribe = bus.subscribe(send);
  // Published on the bus, so every subscriber sees who attached, as on Marathon.
  bus.publish({ remoteAddress: remote, eventType: "event_stream_attached", timestamp: new Date(clock.now()).toISOString() });
  // Heartbeats follow wall time even on a manual clock: they only keep the socket alive.
  const beat = setInterval(() => res.write("\r\n"), heartbeatMs);
  beat.unref();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(beat);
    unsubscribe();
    bus.publish({ remoteAddress: remote, eventType: "event_stream_detached", timestamp: new Date(clock.now()).toISOString() });
  };
  req.on("close", close);
  res.on("close", close);
}
