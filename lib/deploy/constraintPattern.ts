// LIKE/UNLIKE values are (Java) regular expressions matched whole against agents' hostnames and
// attributes (Constraints.scala: `value.matches(regex)`). Armdeck builds no RegExp from user input
// (every regex in the app is constant and checked linear-time, e2e/integration/regexSafety.test.ts),
// so the fit matches the common subset itself: alternatives of literal characters, "\x" escapes,
// "." and ".*" / ".+", in time linear in pattern × value. Any other syntax is left to Marathon:
// the fit then assumes the constraint is met, and says so.

export const MAX_PATTERN_LENGTH = 200;

type Token = { kind: "char"; c: string } | { kind: "any" } | { kind: "anyRun"; min: 0 | 1 };

/** Whole-match tester for `pattern`, or null when the pattern goes beyond the subset. */
export function constraintMatcher(pattern: string): ((value: string) => boolean) | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return null;
  const alternatives: Token[][] = [[]];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    const seq = alternatives[alternatives.length - 1]!;
    if (ch === "|") alternatives.push([]);
    else if (ch === "\\") {
      const next = pattern[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return null; // \d, \w, \1 …: classes and references
      seq.push({ kind: "char", c: next });
      i++;
    } else if (ch === ".") {
      const q = pattern[i + 1];
      if (q === "*" || q === "+") {
        seq.push({ kind: "anyRun", min: q === "*" ? 0 : 1 });
        i++;
      } else seq.push({ kind: "any" });
    } else if ("()[]{}*+?^$".includes(ch)) return null;
    else seq.push({ kind: "char", c: ch });
  }
  return (value) => alternatives.some((tokens) => matchesWhole(tokens, value));
}

/** Dynamic programming over (token, position): no backtracking. */
function matchesWhole(tokens: readonly Token[], value: string): boolean {
  let reach = new Array<boolean>(value.length + 1).fill(false);
  reach[0] = true;
  for (const t of tokens) {
    const next = new Array<boolean>(value.length + 1).fill(false);
    if (t.kind === "anyRun") {
      let seen = false;
      for (let p = 0; p <= value.length; p++) {
        if (t.min === 0 && reach[p]) next[p] = true;
        if (seen) next[p] = true;
        if (reach[p]) seen = true;
      }
    } else {
      for (let p = 0; p < value.length; p++) if (reach[p] && (t.kind === "any" || value[p] === t.c)) next[p + 1] = true;
    }
    reach = next;
  }
  return reach[value.length]!;
}
