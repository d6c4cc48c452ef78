// Marathon's event bus: every event is a JSON object with eventType and timestamp, handed to each
// /v2/events subscriber (Events.scala / Formats.EventFormats@v1.5.1).

export type MarathonEvent = Record<string, unknown> & { eventType: string; timestamp: string };
type Listener = (event: MarathonEvent) => void;

export class EventBus {
  private listeners = new Set<Listener>();
  /** The last events, so tests and the control API can read what was published. */
  readonly recent: MarathonEvent[] = [];

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: MarathonEvent): void {
    this.recent.push(event);
    if (this.recent.length > 2000) this.recent.shift();
    for (const l of [...this.listeners]) l(event);
  }
}
