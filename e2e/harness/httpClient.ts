// A small HTTP client for tests that behaves like the browser: it keeps the session cookie, sends
// the CSRF token and a same-origin Origin on writes unless a test asks it not to.
export interface CallOptions {
  body?: unknown;
  csrf?: boolean;
  origin?: string | null;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  bearer: string | null = null;

  constructor(readonly baseUrl: string) {}

  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (method !== "GET" && options.csrf !== false && this.csrfToken) headers["x-csrf-token"] = this.csrfToken;
    const origin = options.origin === undefined ? this.baseUrl : options.origin;
    if (origin !== null && method !== "GET") headers.origin = origin;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
      redirect: "manual",
      signal: options.signal,
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0]!;
    const text = await res.text();
    let body: any = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, body, headers: res.headers, text };
  }

  async login(username: string, password: string): Promise<CallResult> {
    const res = await this.call("POST", "/api/v1/auth/login", { body: { username, password } });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }
}
