/**
 * String trims written as loops. The regexes they replace (`/\/+$/`, `/[.,;:!]+$/`, `/:.*$/`)
 * try every place a run could start and read the run to its end from each, so a long run of
 * the trimmed character that does not end the string costs its length squared.
 */

/** `s` without the characters of `chars` at its end. */
export function trimTrailing(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

/** `s` up to the first `sep`, or all of it. */
export function beforeFirst(s: string, sep: string): string {
  const at = s.indexOf(sep);
  return at < 0 ? s : s.slice(0, at);
}
