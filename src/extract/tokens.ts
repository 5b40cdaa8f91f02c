/**
 * Tokens of a cleaned sentence with their character offsets, and the helpers that the mention
 * finders share: capitalisation tests, name normalisation and slugs.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Characters other than ASCII, the no-break space and general punctuation (U+2000-206F). */
const BEYOND_ASCII = /[^\u0000-\u007f\u00a0\u2000-\u206f]/;

/**
 * Whether the letters and digits of `s` are all ASCII: besides ASCII, `s` has at most no-break spaces
 * and general punctuation (dashes, curly quotes), none of which is a letter, a digit or cased. On such
 * a text an "ASCII twin" of a Unicode RegExp, with [A-Za-z] for \p{L}, [A-Z] for \p{Lu}, [a-z] for
 * \p{Ll} and [0-9] for \p{N}, finds exactly what the original finds, three to four times faster: V8
 * tests Unicode property classes slowly, and nearly every sentence of the genre is such a text.
 */
export function asciiLetters(s: string): boolean {
  return !BEYOND_ASCII.test(s);
}

const ABBREV = /^(?:Gen|Sen|Lieut|Lt|Col|Maj|Dr|Mr|Mrs|Ms|St|Adm|Capt|Prof|Brig|No|Jr|Sr|Co)\.$/;
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*(?:'s?)?\.?|[^\s]/gu;
const TOKEN_ASCII = /(?:[A-Z]\.){2,}|[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*(?:'s?)?\.?|[^\s]/g;
const INITIALS = /^(?:\p{Lu}\.){2,}$/u;
const INITIALS_ASCII = /^(?:[A-Z]\.){2,}$/;

/**
 * The matches of a global RegExp in `text`, as `text.matchAll(re)` gives them: an exec loop, as
 * matchAll copies the RegExp on every call, which costs more than the search of a sentence.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // After an empty match, on by one character, as matchAll goes.
    if (m[0] === '') re.lastIndex = m.index + (re.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return out;
}

/** Splits a cleaned sentence into words (with abbreviations and initials kept whole) and punctuation. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const ascii = asciiLetters(text);
  const initials = ascii ? INITIALS_ASCII : INITIALS;
  for (const m of execAll(ascii ? TOKEN_ASCII : TOKEN, text)) {
    let t = m[0];
    let end = m.index + t.length;
    if (t.endsWith('.') && t.length > 1 && !initials.test(t) && !ABBREV.test(t)) {
      t = t.slice(0, -1);
      end -= 1;
      out.push({ text: t, start: m.index, end });
      out.push({ text: '.', start: end, end: end + 1 });
      continue;
    }
    out.push({ text: t, start: m.index, end });
  }
  return out;
}

/** Whether a word starts with a capital or a digit (an ASCII first character is tested by its code). */
export function isCapitalized(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return /^[\p{Lu}\p{N}]/u.test(w);
}

/** Removes a possessive 's or ' from a token. */
export function stripPossessive(w: string): string {
  return w.includes("'") ? w.replace(/'s$/, '').replace(/'$/, '') : w;
}

/**
 * A pure function of a string, memoised: the mention finders normalise the same few thousand words
 * and names over and over. The cache is emptied when it reaches `limit` entries, so that a stream of
 * new strings (a huge corpus, a hostile input) costs bounded memory.
 */
export function memoize(fn: (s: string) => string, limit = 50_000): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= limit) cache.clear();
      cache.set(s, (v = fn(s)));
    }
    return v;
  };
}

/** ASCII-folds Vietnamese and other diacritics (đ -> d). ASCII text, most of it, is returned as it is. */
export function fold(s: string): string {
  if (!/[^\u0000-\u007f]/.test(s)) return s;
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** A stable IRI slug from a name: folded, lowercase, hyphen-separated, British spelling. */
export const slug = memoize((name: string): string =>
  normalizeSpelling(fold(name).toLowerCase())
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, ''));

const AMERICAN = /\b(?:defense\b|organization|center\b)/gi;
const BRITISH: Record<string, string> = { defense: 'defence', organization: 'organisation', center: 'centre' };

/**
 * defense -> defence and similar, so that both spellings resolve to one actor. One pass for the three
 * words (the replacements neither make nor break a match of another), capitalised as written.
 */
export function normalizeSpelling(s: string): string {
  return s.replace(AMERICAN, (m) => {
    const british = BRITISH[m.toLowerCase()];
    return m[0] === m[0].toLowerCase() ? british : `${british[0].toUpperCase()}${british.slice(1)}`;
  });
}

/** Escapes a string for use in a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

/** Whether the character (code point) just before `at` is a letter or a digit: no word starts at `at`. */
export function inWordAt(text: string, at: number): boolean {
  return at > 0 && ENDS_IN_WORD.test(text.slice(Math.max(0, at - 2), at));
}

/** Where one of a finder's forms occurs. */
export interface FormMatch {
  index: number;
  form: string;
}

/**
 * A finder of any of `forms` as whole words, longest first: the matches, in order, of
 * `(?<![\p{L}\p{N}])(?:form|...)(?![\p{L}\p{N}])`. The word start is tested in code instead of by
 * that lookbehind: V8 then runs the alternation several times faster, as it no longer tries the
 * lookbehind at every position. A form found inside a word is skipped and the search goes on from the
 * next character, where the regex would have gone on.
 */
export function formFinder(forms: string[]): (text: string) => FormMatch[] {
  const sorted = [...new Set(forms)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const re = new RegExp(`(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => {
    const out: FormMatch[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (inWordAt(text, m.index)) re.lastIndex = m.index + 1;
      else out.push({ index: m.index, form: m[0] });
    }
    return out;
  };
}

/**
 * Which tokens lie wholly inside one of the blocked spans, as a test by token. A sweep over the spans
 * sorted by start, so that many tokens and many spans cost n log n, not n times m.
 */
export function blockedTokens(toks: Token[], blocked: Array<{ start: number; end: number }>): (t: Token) => boolean {
  if (!blocked.length) return () => false;
  const spans = [...blocked].sort((a, b) => a.start - b.start);
  const inside = new Set<Token>();
  let k = 0;
  let maxEnd = -1;
  for (const t of [...toks].sort((a, b) => a.start - b.start)) {
    while (k < spans.length && spans[k].start <= t.start) maxEnd = Math.max(maxEnd, spans[k++].end);
    if (maxEnd >= t.end) inside.add(t);
  }
  return (t) => inside.has(t);
}
