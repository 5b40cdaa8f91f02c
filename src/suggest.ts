/**
 * "Did you mean ...": the closest of a list of known words (commands, options, stored queries,
 * parameters, names in the graph) to one that matched none of them.
 *
 * @example
 * didYouMean('qurey', ['build', 'query', 'export']); // ' (did you mean "query"?)'
 */

/** Text folded for comparison: lower case, without diacritics (đ as d), runs of other characters as one space. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The Levenshtein distance of two strings (insertions, deletions and substitutions of one character). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * How far `word` is from `option`, both folded: 0 when equal, a little more when one contains the
 * other, else the edit distance.
 */
export function distance(word: string, option: string): number {
  const a = fold(word);
  const b = fold(option);
  if (a === b) return 0;
  if (a && b && (b.includes(a) || a.includes(b))) return 0.5 + Math.abs(a.length - b.length) / 100;
  return levenshtein(a, b);
}

/**
 * The options closest to `word`, at most `n`, nearest first (ties in the options' order). With
 * `near`, only those close enough to be a likely slip (an edit distance of at most a third of the word, and 2 at least).
 */
export function closest(word: string, options: Iterable<string>, n = 3, near = true): string[] {
  const limit = Math.max(2, Math.floor(fold(word).length / 3));
  return [...new Set(options)]
    .map((o, i) => ({ o, i, d: distance(word, o) }))
    .filter((x) => !near || x.d <= limit)
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, n)
    .map((x) => x.o);
}

/** ` (did you mean "x"?)` (or `"x" or "y"`) when some option is close to `word`, else ''. */
export function didYouMean(word: string, options: Iterable<string>, quote = (s: string) => `"${s}"`): string {
  const found = closest(word, options);
  return found.length ? ` (did you mean ${found.map(quote).join(' or ')}?)` : '';
}
