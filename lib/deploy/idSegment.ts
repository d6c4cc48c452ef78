// An app or group id arrives as ONE url-encoded path segment ("%2Farm-demo%2Fgroup1%2Fubuntu1").
// Next hands it over decoded or not depending on the segment; decoding once more is safe because
// the result is then checked against Marathon's id rule, which admits no "%".

export function idSegment(raw: string): string {
  try {
    return raw.includes("%") ? decodeURIComponent(raw) : raw;
  } catch {
    return raw;
  }
}
