/**
 * Tokens of a cleaned sentence with their character offsets, and the helpers that the mention
 * finders share: capitalisation tests, name normalisation and slugs.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

const ABBREV = /^(?:Gen|Sen|Lieut|Lt|Col|Maj|Dr|Mr|Mrs|Ms|St|Adm|Capt|Prof|Brig|No|Jr|Sr|Co)\.$/;

/** Splits a cleaned sentence into words (with abbreviations and initials kept whole) and punctuation. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*(?:'s?)?\.?|[^\s]/gu;
  for (const m of text.matchAll(re)) {
    let t = m[0];
    let end = m.index + t.length;
    if (t.endsWith('.') && t.length > 1 && !/^(?:\p{Lu}\.){2,}$/u.test(t) && !ABBREV.test(t)) {
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

export const isCapitalized = (w: string): boolean => /^[\p{Lu}\p{N}]/u.test(w);

/** Removes a possessive 's or ' from a token. */
export function stripPossessive(w: string): string {
  return w.replace(/'s$/, '').replace(/'$/, '');
}

/** ASCII-folds Vietnamese and other diacritics (đ -> d). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** A stable IRI slug from a name: folded, lowercase, hyphen-separated, British spelling. */
export function slug(name: string): string {
  return normalizeSpelling(fold(name).toLowerCase())
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** defense -> defence and similar, so that both spellings resolve to one actor. */
export function normalizeSpelling(s: string): string {
  return s
    .replace(/\bdefense\b/gi, (m) => (m[0] === 'D' ? 'Defence' : 'defence'))
    .replace(/\borganization/gi, (m) => (m[0] === 'O' ? 'Organisation' : 'organisation'))
    .replace(/\bcenter\b/gi, (m) => (m[0] === 'C' ? 'Centre' : 'centre'));
}

/** Escapes a string for use in a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A RegExp that finds any of `forms` as whole words, longest first. */
export function alternation(forms: string[], flags = 'g'): RegExp {
  const sorted = [...new Set(forms)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, `${flags}u`);
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
