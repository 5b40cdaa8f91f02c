/**
 * Generated hostile and broken articles for the fuzz test: a seeded PRNG (mulberry32), so that a
 * failing case is reproduced by its seed and index, and generators for random bytes, broken UTF-8,
 * huge lines, odd scripts and characters, markup, RDF and SPARQL syntax, hostile names, and real
 * articles (data/documents) with hostile tokens spliced into their names, titles and dates.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/ontology-files.js';

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same sequence. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** One generated article: its file name, its bytes and what kind of input it is (for messages). */
export interface FuzzInput {
  kind: string;
  file: string;
  bytes: Uint8Array;
  /** The text of a `.source` sidecar, when the input has one. */
  sidecar?: string;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Tokens that have broken parsers, serializers and regexes before. */
export const HOSTILE_TOKENS: readonly string[] = [
  '"""', "'''", '"', "'", '<>', '<', '>', '\\', '\\\\', '\\u0000', '\\U0010FFFF', '\\n', '\\"', '@prefix x: <http://x/> .', '@base <http://evil/> .',
  '} INSERT DATA { <a> <b> <c> } #', '"; DROP ALL; #', '> . <http://evil/> <p> "', '^^<http://www.w3.org/2001/XMLSchema#date>', '@en', '_:b0', '[]', '( )',
  'PREFIX : <x:> SELECT * WHERE { ?s ?p ?o }', '{', '}', '|', '^', '`', '#', '%00', '%', '&amp;', '&#0;', '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', '</textarea>', '<!--', '-->', ']]>', '<?xml version="1.0"?>', 'javascript:alert(1)', 'http://example.org/a b', 'urn:x',
  '\u0000', '\u0001', '\u0007', '\b', '\f', '\v', '\r', '\r\n', '\t', '\u001b[31m', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u200b', '\u200c', '\u200d',
  '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028', '\u2029', '\u2060', '\ufeff', '\ufffd', '\ufffe', '\uffff', '\u0301', '\u0308\u0308\u0308',
  'a\u0301\u0302\u0303\u0304\u0305\u0306', 'Z\u0351\u0352\u0353\u0354\u0355', 'مرحبا', 'שלום', 'Ông Nguyễn Phú Trọng', 'Đà Nẵng', '北京', 'Москва', '🇻🇳', '👨‍👩‍👧',
  '\ud83d\ude00', 'ǅ', 'İ', 'ß', 'ﬃ', 'Å', 'K', '\u{10ffff}', '\u{e0001}', '\u{1d400}', '...', '.', '!', '?', '-', '--', '—', '–', ';', ':', ',', '(', ')', '((((', '))))',
];

/** Names that carry quotes, brackets, backslashes and escapes. */
export const HOSTILE_NAMES: readonly string[] = [
  `Minister "O'Brien <x>" \\ Smith met General Nguyen Van \\u0000 A`,
  `General "Nguyen <Van> A" \\ Smith`, `Colonel O'Brien-<script>`, `Senior Lieutenant General Le "Quote" \\ Backslash`,
  'Minister Nguyen Van } INSERT DATA {', 'General @prefix Tran', 'Colonel Pham """ Van', `Mr. John ${'\u200b'}Smith`, 'Gen. Phan Van \u202eGiang',
  'Admiral Tr\u0300\u0300\u0300an', 'Minister مرحبا Smith', 'General Ngô Xuân Lịch\u0007', 'Defence Minister <http://evil/> Doe', 'Dr. `rm -rf` Nguyen',
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const RANKS = ['General', 'Senior Lieutenant General', 'Colonel', 'Minister', 'Deputy Minister', 'Admiral', 'Sen. Lieut. Gen.', 'President', 'Ambassador'];

let seedCache: Array<{ name: string; text: string }> | undefined;

/** The seed articles of data/documents: real shapes to mutate. */
export function seedArticles(): Array<{ name: string; text: string }> {
  const dir = join(projectRoot(), 'data', 'documents');
  return (seedCache ??= readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })));
}

function randomBytes(rng: Rng, n: number, noNul: boolean): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = noNul ? rng.int(1, 255) : rng.int(0, 255);
  return b;
}

/** Byte sequences that are not UTF-8: truncated sequences, lone surrogates, overlongs, out of range. */
const BAD_UTF8: readonly number[][] = [
  [0xc3], [0xe1, 0xbb], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf],
  [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff], [0xfe], [0x80], [0xbf], [0xc2, 0x41], [0xe2, 0x28, 0xa1],
];

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function hostileText(rng: Rng, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const r = rng.next();
    if (r < 0.35) out.push(rng.pick(HOSTILE_TOKENS));
    else if (r < 0.5) out.push(rng.pick(HOSTILE_NAMES));
    else if (r < 0.6) out.push(`${rng.pick(MONTHS)} ${rng.int(0, 40)}, ${rng.int(0, 3000)}`);
    else if (r < 0.7) out.push(rng.pick(RANKS));
    else out.push(rng.pick(seedArticles()).text.split(/\s+/)[rng.int(0, 200)] ?? 'the');
    if (rng.chance(0.1)) out.push('.');
    if (rng.chance(0.05)) out.push('\n');
  }
  return out.join(rng.chance(0.2) ? '' : ' ');
}

/** Splices hostile tokens into a real article: into capitalized words (names), the title, dates and anywhere. */
function mutateArticle(rng: Rng, text: string): string {
  const lines = text.split('\n');
  if (rng.chance(0.5)) lines[0] = `${rng.pick(HOSTILE_NAMES)} ${lines[0]} ${rng.pick(HOSTILE_TOKENS)}`;
  let s = lines.join('\n');
  const edits = rng.int(1, 12);
  for (let e = 0; e < edits; e++) {
    const r = rng.next();
    if (r < 0.35) {
      // Into a name: a capitalized word gets a hostile token glued to it or in its place.
      const caps = [...s.matchAll(/\b\p{Lu}\p{Ll}+\b/gu)];
      if (!caps.length) continue;
      const m = rng.pick(caps);
      const tok = rng.chance(0.5) ? rng.pick(HOSTILE_TOKENS) : rng.pick(HOSTILE_NAMES);
      const replacement = rng.chance(0.5) ? `${m[0]}${tok}` : rng.chance(0.5) ? tok : `${tok} ${m[0]}`;
      s = s.slice(0, m.index) + replacement + s.slice(m.index! + m[0].length);
    } else if (r < 0.55) {
      // Into a date: a month or a year mangled.
      const dates = [...s.matchAll(/\b(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b/g)];
      const at = dates.length ? rng.pick(dates).index! : rng.int(0, s.length);
      const forms = [`${rng.pick(MONTHS)} ${rng.int(-5, 99)}`, `${rng.int(0, 99999)}`, `${rng.pick(MONTHS)} 31, 0000`, `February 30, ${rng.int(1900, 2100)}`, `from July ${rng.int(0, 40)} to ${rng.int(0, 40)}, 2019`, 'date 2019-13-45', 'date 0000-00-00', `${rng.pick(MONTHS)}${rng.pick(HOSTILE_TOKENS)}${rng.int(1, 31)}`];
      s = s.slice(0, at) + rng.pick(forms) + ' ' + s.slice(at);
    } else if (r < 0.75) {
      const at = rng.int(0, s.length);
      s = s.slice(0, at) + rng.pick(HOSTILE_TOKENS) + s.slice(at);
    } else if (r < 0.85) {
      // A sentence made of hostile text.
      const at = s.indexOf('\n', rng.int(0, s.length));
      s = `${s.slice(0, at < 0 ? s.length : at)}\n${hostileText(rng, rng.int(3, 30))}.\n${at < 0 ? '' : s.slice(at)}`;
    } else if (r < 0.93) {
      // Truncate anywhere (the string, so a surrogate pair may be cut: it becomes U+FFFD when encoded).
      s = s.slice(0, rng.int(1, s.length));
    } else {
      s = s.replace(/ /g, () => (rng.chance(0.02) ? rng.pick(['\u200b', '\u00a0', '\t', '  ', '\u3000', '']) : ' '));
    }
  }
  return s;
}

function hostileFileName(rng: Rng, i: number): string {
  const tails = ['', ' copy', ` "q" <x>`, '#frag', '?q=1', '%20', 'Việt Nam', '北京', '\u200b', "o'brien", '{}|^`', 'a b\tc', '..', '-', '_', 'ǅ', 'a\\b', '\\'];
  return `${String(i).padStart(5, '0')}${rng.chance(0.3) ? rng.pick(tails) : ''}.txt`;
}

/** The i-th input of the run with this PRNG. */
export function generate(rng: Rng, i: number): FuzzInput {
  const file = hostileFileName(rng, i);
  const kinds = ['bytes', 'bad-utf8', 'huge-line', 'punctuation', 'scripts', 'invisible', 'bom', 'markup', 'rdf-syntax', 'names', 'article', 'article', 'article', 'article'];
  const kind = rng.pick(kinds);
  const seed = rng.pick(seedArticles()).text;
  let bytes: Uint8Array;
  let sidecar: string | undefined;
  switch (kind) {
    case 'bytes':
      bytes = randomBytes(rng, rng.int(0, 3000), rng.chance(0.7));
      break;
    case 'bad-utf8': {
      const text = utf8(mutateArticle(rng, seed));
      const at = rng.int(0, text.length);
      bytes = concat([text.slice(0, at), Uint8Array.from(rng.pick(BAD_UTF8)), text.slice(at)]);
      if (rng.chance(0.3)) bytes = bytes.slice(0, rng.int(1, bytes.length)); // cut in the middle of a sequence, maybe
      break;
    }
    case 'huge-line': {
      const units = ['a', 'A', 'Gen. ', 'a.', 'A.', 'x.Y', 'The ', 'nationaldefence', 'Nguyen ', '(', '"', '-', ' ', '.', 'ab', 'Hanoi, ', 'Minister of ', 'Vietnam-'];
      const unit = rng.pick(units) + (rng.chance(0.3) ? rng.pick(units) : '');
      bytes = utf8(`${seed.split('\n')[0]}\n${unit.repeat(Math.ceil((rng.chance(0.15) ? rng.int(60_000, 120_000) : rng.int(5_000, 30_000)) / unit.length))}\n`);
      break;
    }
    case 'punctuation': {
      const p = '.,;:!?-–—()[]{}<>"\'`~@#$%^&*_=+|\\/ \n\t';
      bytes = utf8(Array.from({ length: rng.int(1, 5000) }, () => p[rng.int(0, p.length - 1)]).join(''));
      break;
    }
    case 'scripts': {
      const pieces = ['مرحبا بالعالم', 'שלום עולם', '\u202e', '\u202c', 'a\u0301', '\u0308', 'Z\u0351\u0352\u0353', 'ệ', 'ể\u0323', 'Москва', '北京市', 'ภาษาไทย', ' ', '. '];
      bytes = utf8(Array.from({ length: rng.int(1, 2000) }, () => rng.pick(pieces)).join(''));
      break;
    }
    case 'invisible': {
      const inv = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u0001', '\u0002', '\u001f', '\u007f', '\u0085', '\u2028', '\u2029', '\r', '\v', '\f', '\u00ad'];
      bytes = utf8(mutateArticle(rng, seed).replace(/(?<=\p{L})(?=\p{L})/gu, () => (rng.chance(0.1) ? rng.pick(inv) : '')));
      break;
    }
    case 'bom': {
      const boms = [[0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x00, 0x00, 0xfe, 0xff]];
      const bom = Uint8Array.from(rng.pick(boms));
      const body = rng.chance(0.3) ? Uint8Array.from(Buffer.from(seed, 'utf16le')) : utf8(seed);
      bytes = concat([bom, body]);
      break;
    }
    case 'markup':
      bytes = utf8(`${seed.split('\n')[0]}\n<html><head><script>alert("x")</script><style>*{}</style></head><body><p onclick="x()">${seed.slice(0, 800)}</p><a href="javascript:alert(1)">${rng.pick(HOSTILE_NAMES)}</a>]]></body></html>\n${mutateArticle(rng, seed)}`);
      break;
    case 'rdf-syntax':
      bytes = utf8(`@prefix dg: <https://w3id.org/diplograph/ontology#> .\n<> a dg:Article ; dg:x """ ${rng.pick(HOSTILE_NAMES)} """ .\n} INSERT DATA { GRAPH <g> { <s> <p> "o" } } #\n${hostileText(rng, 60)}\n${mutateArticle(rng, seed)}`);
      break;
    case 'names':
      bytes = utf8(`${rng.pick(HOSTILE_NAMES)} visits Vietnam\n\n${Array.from({ length: rng.int(1, 8) }, () => `${rng.pick(RANKS)} ${rng.pick(HOSTILE_NAMES)} met ${rng.pick(RANKS)} ${rng.pick(HOSTILE_NAMES)} in Hanoi on ${rng.pick(MONTHS)} ${rng.int(1, 31)}, ${rng.int(1990, 2030)}. They signed the ${rng.pick(HOSTILE_NAMES)} Agreement.`).join('\n')}\n`);
      break;
    default:
      bytes = utf8(mutateArticle(rng, seed));
      if (rng.chance(0.2)) sidecar = `${rng.pick(['https://example.org/a', 'https://example.org/a b', 'https://x/<y>"z"', 'http://x/{}|^`\\', 'https://ok.example/p?q=1#f', 'ftp://x'])}\tpublished=${rng.pick(['2019-07-06', '2019-13-45', '0000-00-00', 'x'])}`;
  }
  return { kind, file, bytes, sidecar };
}

/** A large article of about `size` bytes: real articles with hostile mutations, one after another. */
export function largeArticle(rng: Rng, size: number): Uint8Array {
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    const s = rng.chance(0.5) ? rng.pick(seedArticles()).text : mutateArticle(rng, rng.pick(seedArticles()).text);
    parts.push(s);
    n += Buffer.byteLength(s) + 1;
  }
  return utf8(parts.join('\n').replace(/\u0000/g, ''));
}
