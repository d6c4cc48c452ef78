// The poller keeps failures in words because that is what the panels show ("Mesos master
// m1:5050 refused the connection"); the clients already phrase their errors, this only makes sure
// anything else thrown (a TypeError from fetch, a string) still reads as a sentence.

export function wordsOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error && error.cause.message && !error.message.includes(error.cause.message) ? `: ${error.cause.message}` : "";
    return (error.message || error.name) + cause;
  }
  if (typeof error === "string" && error) return error;
  return "unknown error";
}
