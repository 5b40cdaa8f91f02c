/**
 * From the bytes of an article to its sentences: decoding with clear errors for bad input, line
 * roles (headline, body, caption, byline), sentence splitting that copes with missing spaces after
 * full stops, and a cleaned copy of each sentence with glued words split again.
 */
import { UserError } from '../errors.js';
import { COMMON_WORDS, COUNTRIES } from './lexicon.js';
import type { Sentence } from './model.js';
import { isIsoDate } from './dates.js';
import { asciiLetters } from './tokens.js';

/**
 * The largest article the build reads: 1 MiB. A long news article is 10 to 100 KB; a file ten times
 * that is a dump or a concatenation, and its graph (about 140,000 quads a megabyte, with the
 * provenance of every fact) would take the shape validation minutes and gigabytes.
 */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

/** The error for a file over MAX_ARTICLE_BYTES. */
export function tooLarge(file: string, size: number): UserError {
  return new UserError(`${file}: ${(size / 1048576).toFixed(1)} MB is too large for one article (at most ${MAX_ARTICLE_BYTES / 1048576} MB); split it into its articles`);
}

/**
 * Decodes an article file. Throws a UserError naming the file when it is empty, too large, binary or not UTF-8.
 */
export function decodeArticle(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new UserError(`${file}: the article is empty`);
  if (bytes.length > MAX_ARTICLE_BYTES) throw tooLarge(file, bytes.length);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new UserError(`${file}: looks like a binary file (a NUL byte at offset ${nul}), not the text of an article`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { line, column } = firstBadUtf8(bytes);
    throw new UserError(`${file}: line ${line}, column ${column}: not valid UTF-8 text; save the article as UTF-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/\p{L}/u.test(text)) throw new UserError(`${file}: the article has no text (only blanks or symbols)`);
  return text;
}

function firstBadUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let len = 0;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) len = 3;
    else if (b >= 0xf0 && b <= 0xf4) len = 4;
    if (len === 0 || i + len > bytes.length) return { line, column };
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return { line, column };
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += len;
  }
  return { line, column };
}

const JUNK_LINE = /^(translated by\b|leave your comment|feedback$|others$|related news|tags?:|share\b|print\b|vna\/vnp$|\/\.$|-+vna$|source:)/i;
const URL_LINE = /^(https?:\/\/|www\.)\S+$/i;
const CAPTION_MARK = /\((photo|source|image|ảnh)\b|\bảnh \d|\(photo:|\(source:/i;
// (A sentence closed by an outlet's sign-off: "... in Nha Trang. — VNS", "... at sea. (PNA)".)
const ENDS_SENTENCE = /[.!?]["”’)]*\s*(?:[-–—]\s*(?:VNA|VNS|VOV|Xinhua|Bernama|Kyodo|Yonhap|PNA|Antara|AFP|Reuters)|\((?:VNA|VNS|VOV|Xinhua|Bernama|Kyodo|Yonhap|PNA|Antara|AFP|Reuters)\)|\/\.)?\s*$|\/\.\s*$|-VNA\s*$/;

/** The first and the last `n` non-empty lines of a text, trimmed, without splitting the whole text. */
function edgeLines(text: string, n: number, nHead = n): string[] {
  const head: string[] = [];
  for (let at = 0; at < text.length && head.length < nHead; ) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? text.length : nl).trim();
    if (line) head.push(line);
    at = nl < 0 ? text.length : nl + 1;
  }
  const tail: string[] = [];
  for (let end = text.length; end > 0 && tail.length < n; ) {
    const nl = text.lastIndexOf('\n', end - 1);
    const line = text.slice(nl + 1, end).trim();
    if (line) tail.unshift(line);
    end = nl < 0 ? 0 : nl;
  }
  return [...head, ...tail];
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DATELINE_MONTH = /^(?:[\p{Lu}][\p{L} .'-]{1,40}(?:,|\s[–—|·•-])\s+(?:[\p{Lu}][\p{L} .'-]{1,40},\s+){0,2}|(?:\p{L}+day,?\s+))?(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b/u;
const BYLINE_DATE = /\b(?:(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})|(\d{1,2})\s+(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+((?:19|20)\d{2}))\b/;
const DATELINE_DAY_MONTH = /^(?:[\p{Lu}][\p{L} .'-]{1,40}(?:,|\s[–—|·•-])\s+(?:[\p{Lu}][\p{L} .'-]{1,40},\s+){0,2}|(?:\p{L}+day,?\s+))?(\d{1,2})\s+(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+((?:19|20)\d{2})\b/u;
const DATELINE_NUMERIC = /^(?:[\p{Lu}][\p{L} .'-]{1,40},\s+|(?:\p{L}+day,?\s+(?:\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?,?\s+)?))?(\d{1,2})([\/.])(\d{1,2})\2((?:19|20)\d{2})\b/iu;
const DATELINE_ISO = /^((?:19|20)\d{2})-(\d{2})-(\d{2})\b/;
/** The label of a date stamp: "Published: ", "Posted On: ", "Release date: ", "Updated on ". */
const STAMP_LABEL = /^(?:(?:first |last )?(?:published|posted|updated|issued|released|release date|date(?: of publication)?)(?: on)?\s*:?\s+)/i;
/** A date inside a byline: "Source: China Military Online | 2026-04-23 18:05:11", "Ha Noi | 03/06/2026". */
const BYLINE_NUMERIC = /(?:^|\s)(?:((?:19|20)\d{2})-(\d{2})-(\d{2})|(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2}))\b/;

/**
 * The date the article carries in its own text: `date 2019-07-06`, a dateline ("HANOI, March 4, 2025 -",
 * "Media release, 5 June 2024", "Thursday, 03/12/2020", "Wednesday, 19:05, 03/06/2026"), a date stamp on a line of its own
 * ("Published: 2024-04-24", "Posted On: 22 JUN 2024 4:10PM", "Release date: 8 April 2025") or a byline with a date
 * ("Source: X | 2026-04-23 18:05:11"). Numeric dates
 * are read day first, as the genre's outlets write them. Only the first and the last three lines count.
 */
export function dateLine(text: string): string | undefined {
  const m = /(?:^|\s)date (\d{4}-\d{2}-\d{2})\b/.exec(text);
  if (m && isIsoDate(m[1])) return m[1];
  const pad = (n: number) => String(n).padStart(2, '0');
  // (The head has room for a headline, a standfirst and a byline before the date line.)
  for (const edge of edgeLines(text, 3, 5)) {
    // ("Posted On: 22 JUN 2024": the label is no place name, and a month in capitals is a month.)
    const line = edge.replace(STAMP_LABEL, '').replace(/\b(JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)[A-Z]*\b/g, (w) => w[0] + w.slice(1).toLowerCase());
    let iso: string | undefined;
    const named = DATELINE_MONTH.exec(line);
    if (named) iso = `${named[3]}-${pad(MONTH_NAMES.indexOf(named[1].slice(0, 3).toLowerCase()) + 1)}-${pad(+named[2])}`;
    // "Media release, 5 June 2024", "Canberra, 5 June 2024": day before month.
    const dayFirst = iso ? null : DATELINE_DAY_MONTH.exec(line);
    if (dayFirst) iso = `${dayFirst[3]}-${pad(MONTH_NAMES.indexOf(dayFirst[2].slice(0, 3).toLowerCase()) + 1)}-${pad(+dayFirst[1])}`;
    const numeric = iso ? null : DATELINE_NUMERIC.exec(line);
    if (numeric) iso = `${numeric[4]}-${pad(+numeric[3])}-${pad(+numeric[1])}`;
    const isoM = iso ? null : DATELINE_ISO.exec(line);
    if (isoM) iso = `${isoM[1]}-${isoM[2]}-${isoM[3]}`;
    // A dateline opens the line and is followed by a dash, a parenthesised agency or the end of a short line.
    // ("Madrid, 1 October 2025. The Secretary ...": a full stop ends it too.)
    if (iso && isIsoDate(iso) && (line.length <= 60 || /^[^.]{0,90}?\d{4}\s*(?:[-–—:(./]|$)/.test(line))) return iso;
    // A byline with the date inside it: "Ngoc Lan | Tuoi Tre News | Tue, March 11, 2025, 10:42 GMT+7", "By X   March 4, 2025 | 05:31 pm".
    if (line.length <= 140 && (/\s\|\s/.test(line) || /^By\s+\p{Lu}/u.test(line))) {
      const m = BYLINE_DATE.exec(line);
      if (m) {
        const iso2 = m[1] ? `${m[3]}-${pad(MONTH_NAMES.indexOf(m[1].slice(0, 3).toLowerCase()) + 1)}-${pad(+m[2])}` : `${m[6]}-${pad(MONTH_NAMES.indexOf(m[5].slice(0, 3).toLowerCase()) + 1)}-${pad(+m[4])}`;
        if (isIsoDate(iso2)) return iso2;
      }
      const n = BYLINE_NUMERIC.exec(line);
      if (n) {
        const iso3 = n[1] ? `${n[1]}-${n[2]}-${n[3]}` : `${n[6]}-${pad(+n[5])}-${pad(+n[4])}`;
        if (isIsoDate(iso3)) return iso3;
      }
    }
  }
  return undefined;
}

/** Splits an article into sentences with their roles and offsets. Bylines and site furniture are dropped. */
export function splitSentences(text: string): Sentence[] {
  const vocab = articleVocabulary(text);
  // How each word of the article splits, shared by its sentences (it depends on the word and the vocabulary only).
  const glued = new Map<string, string>();
  const out: Sentence[] = [];
  let offset = 0;
  let seenContent = false;
  const lines = text.split('\n');
  let lastContent = lines.length - 1;
  while (lastContent >= 0 && !lines[lastContent].trim()) lastContent--;
  for (let li = 0; li < lines.length; li++) {
    const raw = lines[li];
    const lineStart = offset;
    offset += raw.length + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.length < 3 || JUNK_LINE.test(trimmed) || URL_LINE.test(trimmed)) continue;
    const lead = raw.length - raw.trimStart().length;
    const words = trimmed.split(/\s+/).length;
    let role: Sentence['role'] = 'body';
    if (CAPTION_MARK.test(trimmed)) role = 'caption';
    else if (!ENDS_SENTENCE.test(trimmed)) {
      const hasMoreContent = li < lastContent;
      role = !seenContent && hasMoreContent && words <= 20 ? 'headline' : words <= 30 ? 'caption' : 'body';
    }
    seenContent = true;
    const pieces = role === 'body' ? splitLine(trimmed) : [{ start: 0, end: trimmed.length }];
    for (const p of pieces) {
      const s = trimmed.slice(p.start, p.end);
      const trimmedPiece = s.trim();
      if (!trimmedPiece || !/\p{L}/u.test(trimmedPiece)) continue;
      const start = lineStart + lead + p.start + (s.length - s.trimStart().length);
      const end = start + trimmedPiece.length;
      out.push({ index: out.length + 1, start, end, text: trimmedPiece, clean: cleanSentence(trimmedPiece, vocab, glued), role });
    }
  }
  return out;
}

const ABBREVIATIONS = new Set(
  'gen sen lieut lt col maj dr mr mrs ms st no adm capt cmdr cdr prof gov rep sgt brig jr sr inc co corp ltd vs etc e.g i.e jan feb mar apr aug sept sep oct nov dec'.split(' '),
);

/** The longest run of letters and dots looked at before a full stop: longer runs are no abbreviation or initials. */
const MAX_WORD_BEFORE = 64;

/**
 * The letters and dots just before `end` (not before `from`): the word a full stop follows. Scanned
 * backwards and bounded, so that a line of a million stops costs linear time.
 */
function wordBefore(line: string, from: number, end: number): string {
  let b = end;
  while (b > from && end - b <= MAX_WORD_BEFORE) {
    const pair = b - 2 >= from ? line.slice(b - 2, b) : '';
    if (pair.length === 2 && /^\p{L}$/u.test(pair)) b -= 2; // an astral letter: a surrogate pair
    else if (/[\p{L}.]/u.test(line[b - 1])) b -= 1;
    else break;
  }
  return end - b > MAX_WORD_BEFORE ? '' : line.slice(b, end);
}

/** Sentence boundaries within one line, tolerant of a missing space after the full stop. */
function splitLine(line: string): Array<{ start: number; end: number }> {
  const parts: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < line.length && /["”’)]/.test(line[j])) j++;
    let k = j;
    while (k < line.length && line[k] === ' ') k++;
    if (k >= line.length) continue;
    const next = line[k];
    if (!/[A-ZÀ-Ỹ"“‘(]/.test(next)) continue;
    const before = wordBefore(line, start, i);
    const word = before.toLowerCase();
    if (c === '.' && ABBREVIATIONS.has(word)) continue;
    // "Major General (res.) X": a short word in brackets closed by the stop is an abbreviation.
    if (c === '.' && line[i + 1] === ')' && line[i - before.length - 1] === '(' && before.length <= 6) continue;
    if (c === '.' && /^(\p{L}\.)*\p{L}$/u.test(before)) continue; // an initial or E.U./U.N.
    if (k === j) {
      // No space after the stop: only a boundary after a lowercase word or a number ("ties.The", "2018.Sen.").
      if (!/(\p{Ll}{2,}|\d)$/u.test(line.slice(Math.max(start, i - 4), i))) continue;
    }
    parts.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  parts.push({ start, end: line.length });
  return parts;
}

/** The common words and the lowercase words of an article: the vocabulary that glued words are split against. */
function articleVocabulary(text: string): Set<string> {
  const words = new Set<string>(COMMON_WORDS);
  const once = new Set<string>();
  const lower = text.toLowerCase();
  // A word the article uses twice, or a short one, is a word; a long one seen once may be two glued.
  for (const w of lower.match(asciiLetters(lower) ? /[A-Za-z]+/g : /\p{L}+/gu) ?? []) {
    if (w.length <= 5 || once.has(w)) words.add(w);
    else once.add(w);
  }
  return words;
}

/**
 * Repairs the scraping defects of one sentence: restores spaces after punctuation, splits
 * camel-case glue ("inHanoi", "theEU") and glued lowercase words ("nationaldefence") when both halves
 * are known words, normalises quotes, and drops trailing "-VNA" and "/." and leading datelines.
 * `memo` keeps how words split; the sentences of one article (one `vocab`) can share it.
 */
export function cleanSentence(sentence: string, vocab: Set<string> = new Set(COMMON_WORDS), memo = new Map<string, string>()): string {
  let s = sentence.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\u00a0/g, ' ');
  // The tail and dateline patterns are tried only on sentences with the agency's mark they need.
  if (s.includes('VNA') || s.includes('/.')) s = s.replace(/\s*(-\s*VNA|\/\.)\s*$/, '');
  if (s.includes('(V')) s = s.replace(/^\(?[A-Z][A-Za-z ]+\)?\s*,?\s*(?:[A-Z][a-z]+ \d{1,2}\s*)?\((VNA|VNS|VOVWORLD|VOV|VNP)\)\s*[–-]\s*/, '');
  s = s.replace(/^[–-]\s+/, '');
  const ascii = asciiLetters(s);
  s = s.replace(ascii ? /([a-z\d])\(/g : /([\p{Ll}\d])\(/gu, '$1 (').replace(ascii ? /,(?=[A-Za-z])/g : /,(?=\p{L})/gu, ', ');
  s = s.replace(ascii ? /[A-Za-z]{4,}/g : /\p{L}{4,}/gu, (token) => (token.length > MAX_GLUED ? token : splitGlued(token, vocab, memo)));
  return s.replace(/\s{2,}/g, ' ').trim();
}

function isWord(w: string, vocab: Set<string>): boolean {
  return vocab.has(w.toLowerCase());
}

/**
 * The longest run of letters tried as glued words. Real glue is two or three words (under 40 letters);
 * a longer run is left as it is, so that a huge "word" costs linear time, not quadratic.
 */
const MAX_GLUED = 64;

function splitGlued(token: string, vocab: Set<string>, memo: Map<string, string>): string {
  let done = memo.get(token);
  if (done === undefined) {
    done = splitGluedOnce(token, vocab, memo);
    memo.set(token, done);
  }
  return done;
}

const CAMEL = /^(\p{L}*?\p{Ll})(\p{Lu}\p{L}+)$/u;

/**
 * Whether a lowercase letter is followed by a capital somewhere in `token`, as CAMEL needs; a loop over
 * the characters, as Unicode property classes are slow and most words are ASCII. A word with other
 * characters is left to the RegExp.
 */
function mayBeCamel(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c > 0x7f) return true;
    if (c >= 0x41 && c <= 0x5a && i > 0) {
      const before = token.charCodeAt(i - 1);
      if (before >= 0x61 && before <= 0x7a) return true;
    }
  }
  return false;
}

/** The names and demonyms of the countries of the gazetteer, lowercased. */
const COUNTRY_WORDS = new Set(COUNTRIES.flatMap((c) => [c.name, ...(c.forms ?? [])]).map((w) => w.toLowerCase()));

function splitGluedOnce(token: string, vocab: Set<string>, memo: Map<string, string>): string {
  // camelCase glue: "inHanoi" -> "in Hanoi", "theEU" -> "the EU", "UniversalDeclaration".
  const camel = mayBeCamel(token) ? CAMEL.exec(token) : null;
  if (camel && !/^\p{Lu}+\p{Ll}?$/u.test(camel[1]) && (camel[1].length >= 3 || isWord(camel[1], vocab))) {
    return `${splitGlued(camel[1], vocab, memo)} ${splitGlued(camel[2], vocab, memo)}`;
  }
  if (token.length < 7 || isWord(token, vocab) || !/^\p{L}\p{Ll}+$/u.test(token)) return token;
  // A country's name or demonym is one word ("Chilean" is not "Chile an").
  if (COUNTRY_WORDS.has(token.toLowerCase())) return token;
  // Whether token.slice(from, to) is a known word, looked up as a slice of the lowercased token: only
  // the first letter can change (the others are lowercase), unless lowering it changes the length ("İ").
  const lower = token.toLowerCase();
  const known = lower.length === token.length
    ? (from: number, to?: number) => vocab.has(lower.slice(from, to))
    : (from: number, to?: number) => isWord(token.slice(from, to), vocab);
  // lowercase glue: choose the split whose shorter half is longest, both halves known words.
  let best = 0;
  for (let i = 2; i <= token.length - 2; i++) {
    if (!known(0, i) || !known(i)) continue;
    if (!best || Math.min(i, token.length - i) > Math.min(best, token.length - best)) best = i;
  }
  if (best) return `${token.slice(0, best)} ${token.slice(best)}`;
  for (let i = 3; i <= token.length - 4; i++) {
    if (!known(0, i)) continue;
    const rest = splitGlued(token.slice(i), vocab, memo);
    if (rest.includes(' ')) return `${token.slice(0, i)} ${rest}`;
  }
  return token;
}
