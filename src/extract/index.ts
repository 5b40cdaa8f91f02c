/**
 * Extraction: the text of one article to its persons, organizations, countries, places, meetings,
 * agreements and cooperation areas, each fact with the sentences it came from.
 *
 * @example
 * const x = extractArticle('000_e8b7f0acafe71e35.txt', readFileSync(path));
 * x.meetings[0].kind; // 'teleconference'
 */
import { basename } from 'node:path';
import { analyzeArticle } from './analyze.js';
import { extractMeetings } from './meetings.js';
import { addEvidence, type Agreement, type ArticleExtraction, type ArticleInfo, type Evidence } from './model.js';
import { dateLine, decodeArticle, splitSentences } from './text.js';
import { isIsoDate, resolveAgainst } from './dates.js';
import { UserError } from '../errors.js';

export type { ArticleExtraction } from './model.js';

/** How to extract. */
export interface ExtractOptions {
  /** Keep each event's trace of the rules that shaped it (`Meeting.trace`, for `diplograph explain`); off for builds. */
  trace?: boolean;
}

/** Optional facts about an article that are not in its text: where and when it was published. */
export interface ArticleMetadata {
  url?: string;
  published?: string;
  publisher?: string;
}

/** An absolute http(s) IRI that N-Triples and Turtle can write as it is (RFC 3987: no spaces, controls or `<>"{}|\\^\``). */
export const HTTP_IRI = /^https?:\/\/[^\u0000-\u0020<>"{}|\\^`\u007f-\u009f]+$/;

/**
 * Reads the one-line `.source` sidecar format: `URL<TAB>published=YYYY-MM-DD` (a space also separates), optionally with
 * `<TAB>publisher=NAME` (fields in any order, each optional; `published=unknown` is as good as none). A URL that is not a valid IRI, or a date
 * that is not a real day, is a UserError naming `file` (the sidecar).
 */
export function parseSourceSidecar(text: string, file = 'the .source file'): ArticleMetadata {
  const meta: ArticleMetadata = {};
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  // (Fields are separated by tabs; a space before "published=" or "publisher=" separates them too, as people type it.)
  for (const field of line.trim().split(/\t+|[ ]+(?=(?:published|publisher)=)/)) {
    if (/^https?:\/\//i.test(field)) {
      if (!HTTP_IRI.test(field)) throw new UserError(`${file}: the URL ${JSON.stringify(field)} is not a valid IRI (no spaces, quotes, angle brackets or control characters)`);
      meta.url = field;
    }
    const m = /^published=(.*)$/.exec(field);
    // ("published=unknown" says what leaving the field out says.)
    if (m && !/^\s*unknown\s*$/i.test(m[1])) {
      if (!isIsoDate(m[1])) throw new UserError(`${file}: published=${JSON.stringify(m[1])} is not a date (write published=YYYY-MM-DD)`);
      meta.published = m[1];
    }
    const p = /^publisher=(.*)$/.exec(field);
    if (p && p[1].trim()) meta.publisher = p[1].trim();
  }
  return meta;
}

/** The `.source` sidecar line of an article's metadata (as parseSourceSidecar reads it), or '' when there is none. */
export function formatSourceSidecar(meta: ArticleMetadata): string {
  const fields = [meta.url, meta.published && `published=${meta.published}`, meta.publisher && `publisher=${meta.publisher.replace(/\s+/g, ' ').trim()}`].filter(Boolean);
  return fields.length ? `${fields.join('\t')}\n` : '';
}

const PUBLISHERS: Array<[RegExp, string]> = [
  [/(?:-|\(|\b)VNA\)?\s*$|\(VNA\)|VNA\/VNP/m, 'Vietnam News Agency'],
  [/\(VOVWORLD\)/, 'VOV World'],
  [/vietnamplus\.vn/, 'Vietnam News Agency'],
];

/** Extracts one article. `input` is the file's bytes (checked: not empty, not binary, UTF-8) or its text. */
export function extractArticle(file: string, input: Uint8Array | string, meta: ArticleMetadata = {}, options: ExtractOptions = {}): ArticleExtraction {
  const text = typeof input === 'string' ? input : decodeArticle(input, file);
  const name = basename(file);
  const id = name.replace(/\.[^.]+$/, '');
  const sentences = splitSentences(text);
  const refDate = dateLine(text);
  const article: ArticleInfo = {
    file: name,
    id,
    text,
    headline: sentences.find((s) => s.role === 'headline')?.text,
    published: refDate ?? meta.published,
    publisher: meta.publisher ?? PUBLISHERS.find(([re]) => re.test(text) || (meta.url !== undefined && re.test(meta.url)))?.[1],
    url: meta.url,
  };
  const { analyses, countries, places, organizations, persons } = analyzeArticle(sentences, refDate);
  const meetings = extractMeetings({ analyses, persons, organizations, trace: options.trace, written: refDate ?? meta.published });
  // A date the text gives without its year ("on Monday", "May 31") is read against the publication date
  // of the `.source` when the text has no date line of its own (a date line already dated it).
  if (!refDate && meta.published) {
    for (const m of meetings) if (m.date && !m.date.value) m.resolvedDate = resolveAgainst(m.date, meta.published);
  }

  const agreements = new Map<string, Agreement>();
  const areas = new Map<string, Evidence>();
  const sides = mainSides(analyses.map((a) => a.actors).flat());
  for (const a of analyses) {
    const si = a.sentence.index;
    for (const ar of a.areas) addEvidence(areas, ar.slug, si);
    for (const g of a.agreements) {
      let ag = agreements.get(g.key);
      if (!ag) {
        ag = { key: g.key, kind: g.kind, name: g.name, acronym: g.acronym, status: g.status, statusEvidence: [si], parties: new Map(), areas: new Map(), evidence: [si], dateText: g.dateText };
        agreements.set(g.key, ag);
      }
      if (!ag.evidence.includes(si)) ag.evidence.push(si);
      // A full name beats an acronym-only mention; a telling status beats "mentioned".
      if (ag.name === ag.acronym && g.name !== g.acronym) {
        ag.name = g.name;
        ag.kind = g.kind;
      }
      if (ag.status === 'mentioned' && g.status !== 'mentioned') {
        ag.status = g.status;
        ag.statusEvidence = [si];
      }
      ag.dateText ??= g.dateText;
      for (const x of a.actors) if (x.kind !== 'person' && x.start >= g.start && x.end <= g.end) addEvidence(ag.parties, x.key, si);
      if (g.status !== 'mentioned') {
        if (/\b(?:two|both) (?:sides|countries)\b|\bthe countries\b|\bbilateral\b/i.test(a.text)) for (const k of sides) addEvidence(ag.parties, k, si);
        // "Vietnam and India have signed ...", "Australia wishes to sign ... with Vietnam": the states around the agreement.
        for (const x of a.actors) {
          if (x.kind === 'country' && !x.nested && !/\b(?:in|to|at|from)\s+$/.test(a.text.slice(Math.max(0, x.start - 5), x.start))) addEvidence(ag.parties, x.key, si);
        }
      }
      for (const ar of a.areas) if (ar.start >= g.start && ar.end <= g.end) addEvidence(ag.areas, ar.slug, si);
    }
  }
  for (const ag of agreements.values()) ag.evidence.sort((x, y) => x - y);
  return { article, sentences, countries, places, organizations, persons, meetings, agreements, areas };
}

/** The two sides an article is about: Vietnam and its most mentioned partner. */
function mainSides(actors: Array<{ key: string; kind: string; nested: boolean }>): string[] {
  const counts = new Map<string, number>();
  for (const a of actors) {
    if (a.kind === 'person' || a.key === 'vietnam' || a.key === 'united-nations' || a.key === 'un-security-council') continue;
    if (a.kind === 'organization' && !['european-union', 'association-of-southeast-asian-nations'].includes(a.key)) continue;
    counts.set(a.key, (counts.get(a.key) ?? 0) + 1);
  }
  const partner = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0];
  return partner ? ['vietnam', partner] : ['vietnam'];
}
