// LIKE/UNLIKE values are regular expressions the user wrote, matched whole against agents'
// hostnames and attributes (Constraints.scala: `value.matches(regex)`). Armdeck evaluates them
// for the fit check in its own process, so a pattern that can backtrack without end is refused
// up front: a quantifier applied to a group that itself holds a quantifier or an alternation.

export const MAX_PATTERN_LENGTH = 200;
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*?}]|\|)(?:[^()\\]|\\.)*\)[+*{]/;

/** Why Armdeck will not use `pattern`, or null with the compiled whole-match regex. */
export function compileConstraintPattern(pattern: string): { regex: RegExp } | { problem: string } {
  if (pattern.length > MAX_PATTERN_LENGTH) return { problem: `The pattern is longer than ${MAX_PATTERN_LENGTH} characters` };
  if (NESTED_QUANTIFIER.test(pattern)) return { problem: "The pattern repeats a group that itself repeats or alternates (it could take forever to match); simplify it" };
  try {
    return { regex: new RegExp(`^(?:${pattern})$`) };
  } catch (e) {
    return { problem: `The pattern is not a valid regular expression (${(e as Error).message})` };
  }
}
