// One reply shape for every stand-in route, so the server layer can add faults (slow replies,
// closed connections) in one place.

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const reply = (status: number, body: string, contentType: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { "Content-Type": contentType, ...headers },
  body,
});

export const jsonReply = (status: number, value: unknown, headers: Record<string, string> = {}): Reply =>
  reply(status, JSON.stringify(value), "application/json", headers);
