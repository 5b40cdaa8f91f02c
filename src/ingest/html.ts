/**
 * A saved news page (HTML) to the article it holds: the main text, found by Mozilla's Readability
 * over a linkedom document, and the headline, publication date, publisher and URL, taken from the
 * page's metadata. The sources of each, first found first:
 *
 * - headline: schema.org NewsArticle JSON-LD `headline`, `og:title`, the article's `<h1>`, `<title>`
 *   (without a trailing " | Outlet");
 * - date: JSON-LD `datePublished`, `article:published_time`, `<meta name="pubdate">` and the like,
 *   `itemprop="datePublished"`, the first `<time datetime>` (the day as the outlet writes it, in its
 *   own time zone: `2025-03-03T23:30:00+07:00` is 2025-03-03);
 * - publisher: JSON-LD `publisher.name`, `og:site_name`, `<meta name="publisher">`;
 * - URL: JSON-LD `url` or `mainEntityOfPage`, `og:url`, `<link rel="canonical">` (absolute http(s) only).
 *
 * The bytes are decoded as the page says (a BOM, `<meta charset>` or `http-equiv` Content-Type), UTF-8
 * when it says nothing and the bytes are UTF-8, else windows-1252 (the web's default). Everything here
 * is a pure function of the bytes: the same page gives the same article, byte for byte.
 *
 * @example
 * const page = readPage(readFileSync('saved.html'), 'saved.html');
 * page.headline; page.published; page.text;
 */
import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as parseHTMLFunction } from 'linkedom';
import { UserError, messageOf } from '../errors.js';
import { isIsoDate } from '../extract/dates.js';
import { HTTP_IRI } from '../extract/index.js';

/** The largest page read: 16 MiB (saved pages carry scripts, styles and inline images; the article text is checked on its own). */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

/** The article of a page. */
export interface Page {
  /** The main text: the headline on the first line, then one paragraph per line, blank lines between. */
  text: string;
  headline?: string;
  /** YYYY-MM-DD. */
  published?: string;
  publisher?: string;
  url?: string;
  /** The encoding the page was decoded with. */
  encoding: string;
}

/**
 * Whether bytes hold an HTML page rather than plain text: after a BOM, blanks and comments, they open
 * with a doctype or an `<html>`, `<head>`, `<body>`, `<meta>` or `<title>` tag.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^(?:\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '').replace(/\0/g, '');
  return /^\s*(?:<!--[\s\S]*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b/i.test(head);
}

/** Whether a file name is an HTML page by its extension. */
export function isHtmlName(file: string): boolean {
  return /\.x?html?$/i.test(file);
}

/** The encoding a page declares in its first 1024 bytes (`<meta charset>`, `http-equiv` Content-Type), or undefined. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta);
    if (m) return m[1].toLowerCase();
  }
  return undefined;
}

/** The characters of windows-1252 at 0x80-0x9f (undefined bytes stay as their C1 code points, as the WHATWG Encoding Standard says). */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes windows-1252 (Node 20's TextDecoder decodes it as ISO 8859-1, losing the quotes and dashes of 0x80-0x9f). */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
  return out;
}

/** The text of a page's bytes, decoded as described in the module's comment. */
export function decodePage(bytes: Uint8Array, file: string): { html: string; encoding: string } {
  if (bytes.length === 0) throw new UserError(`${file}: the page is empty`);
  if (bytes.length > MAX_PAGE_BYTES) throw new UserError(`${file}: ${(bytes.length / 1048576).toFixed(1)} MB is too large for one page (at most ${MAX_PAGE_BYTES / 1048576} MB)`);
  let encoding: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else {
    const declared = declaredCharset(bytes);
    if (declared && declared !== 'utf-8' && declared !== 'utf8') {
      try {
        encoding = new TextDecoder(declared).encoding;
      } catch {
        throw new UserError(`${file}: the page declares the character encoding "${declared}", which is not one that can be read`);
      }
    } else {
      // Declared UTF-8 or nothing: UTF-8 if the bytes are, else the web's default.
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        encoding = 'utf-8';
      } catch {
        encoding = 'windows-1252';
      }
    }
  }
  let html = encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
  if (html.charCodeAt(0) === 0xfeff) html = html.slice(1);
  return { html, encoding };
}

type Doc = ReturnType<typeof parseHTMLFunction>['document'];

/**
 * The HTML parser and Readability, loaded the first time a page is read: a build of plain-text
 * articles (and each of its worker threads) never pays for their large module graphs (measured: the
 * extraction pool 6-8% faster at 10,000 articles). Both ship CommonJS builds, so they load synchronously.
 */
let libraries: { parseHTML: typeof parseHTMLFunction; Readability: typeof ReadabilityClass } | undefined;
function htmlLibraries() {
  if (!libraries) {
    const require = createRequire(import.meta.url);
    libraries = {
      parseHTML: (require('linkedom') as { parseHTML: typeof parseHTMLFunction }).parseHTML,
      Readability: (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability,
    };
  }
  return libraries;
}
type El = ReturnType<Doc['querySelector']> & object;

/** Collapses white space (non-breaking spaces too) and trims. */
function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The content of the first `<meta>` whose property, name or itemprop is one of `keys`. */
function metaContent(doc: Doc, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const m of doc.querySelectorAll('meta')) {
      const k = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
      const v = squash(m.getAttribute('content'));
      if (k === key && v) return v;
    }
  }
  return undefined;
}

type Json = Record<string, unknown>;
const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BlogPosting|Report|WebPage)$/;

/** The schema.org article objects of the page's JSON-LD, NewsArticle first (a script that is not JSON is passed over). */
function jsonLdArticles(doc: Doc): Json[] {
  const found: Json[] = [];
  const visit = (x: unknown) => {
    if (Array.isArray(x)) return x.forEach(visit);
    if (typeof x !== 'object' || x === null) return;
    const o = x as Json;
    const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String).map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ''));
    if (types.some((t) => ARTICLE_TYPES.test(t))) found.push(o);
    if (o['@graph']) visit(o['@graph']);
  };
  for (const s of doc.querySelectorAll('script')) {
    if (!/^application\/ld\+json\b/i.test(s.getAttribute('type') ?? '')) continue;
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // Broken JSON-LD: the other sources stand.
    }
  }
  const rank = (o: Json) => {
    const t = ([] as unknown[]).concat(o['@type'] ?? []).map(String).join(' ');
    return /NewsArticle/.test(t) ? 0 : /WebPage/.test(t) ? 2 : 1;
  };
  return found.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i).map((x) => x.o);
}

/** A string of a JSON-LD value: a string, or the `name`/`@id`/`url` of an object, or the first of an array. */
function jsonString(v: unknown, ...keys: string[]): string | undefined {
  if (Array.isArray(v)) return jsonString(v[0], ...keys);
  if (typeof v === 'string') return squash(v) || undefined;
  if (typeof v === 'object' && v !== null) for (const k of keys) if (typeof (v as Json)[k] === 'string') return squash((v as Json)[k] as string) || undefined;
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The day of a date as pages write it in metadata: ISO 8601 (its own date part), or "March 3, 2025", "3 March 2025". */
export function pageDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (iso) return isIsoDate(`${iso[1]}-${iso[2]}-${iso[3]}`) ? `${iso[1]}-${iso[2]}-${iso[3]}` : undefined;
  const pad = (n: string | number) => String(n).padStart(2, '0');
  const named = /^\s*(?:\w+,\s*)?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(value) ?? /^\s*(?:\w+,\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b/.exec(value);
  if (!named) return undefined;
  const [month, day] = /^\d/.test(named[1]) ? [named[2], named[1]] : [named[1], named[2]];
  const m = MONTHS.indexOf(month.toLowerCase());
  const date = `${named[3]}-${pad(m + 1)}-${pad(day)}`;
  return m >= 0 && isIsoDate(date) ? date : undefined;
}

/** An absolute http(s) URL fit for the graph, without its fragment and tracking parameters (utm_*, fbclid, gclid), or undefined. */
export function pageUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (/^(?:utm_|fbclid$|gclid$)/i.test(k)) u.searchParams.delete(k);
    return HTTP_IRI.test(u.href) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The page's `<title>` without a site name after " | ", " - " or " – " (the longer side is the headline). */
function titleHeadline(doc: Doc, siteName?: string): string | undefined {
  const title = squash(doc.querySelector('title')?.textContent);
  if (!title) return undefined;
  const parts = title.split(/\s+(?:[|–—»·-]|::)\s+/);
  if (parts.length < 2) return title;
  if (siteName) {
    const rest = parts.filter((p) => p.toLowerCase() !== siteName.toLowerCase());
    if (rest.length < parts.length) return rest.join(' - ');
  }
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}

/** Elements no article text is in, taken out before Readability looks for the article: navigation, forms, banners, dialogs. */
const FURNITURE = 'script, style, noscript, template, iframe, svg, nav, footer, aside, form, button, dialog, [role="navigation"], [role="dialog"], [role="alertdialog"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], [hidden]';
const FURNITURE_NAME = /\b(?:cookie|consent|gdpr|newsletter|subscribe|paywall|share|social|related|breadcrumbs?|comments?|advert|ads?|promo|sidebar|popup|modal|byline|meta|author|tags?)\b/i;

function removeFurniture(doc: Doc): void {
  for (const el of [...doc.querySelectorAll(FURNITURE)]) el.remove();
  for (const el of [...doc.querySelectorAll('[class], [id]')]) {
    if (el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'ARTICLE' || el.tagName === 'MAIN') continue;
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.replace(/[-_]/g, ' ');
    // A container named for sharing buttons may still hold the article: it is kept when it does.
    if (FURNITURE_NAME.test(name) && !el.querySelector('article, main, h1, [itemprop="articleBody"]') && el.querySelectorAll('p').length <= 3) el.remove();
  }
}

const BLOCK = new Set('ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN OL P PRE SECTION TABLE TD TH TR UL'.split(' '));

/** The text of an element as lines: one per paragraph, heading, list item or table cell, white space collapsed. */
function blockLines(root: El): string[] {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const t = squash(line);
    if (t) lines.push(t);
    line = '';
  };
  const walk = (node: { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<unknown> }) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const block = BLOCK.has(node.nodeName.toUpperCase());
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child as typeof node);
    if (block) flush();
  };
  walk(root as unknown as Parameters<typeof walk>[0]);
  flush();
  return lines;
}

/**
 * Reads a page: its article text and metadata. An HTML page without article text (no paragraph with
 * letters) is a UserError naming `file`.
 */
export function readPage(bytes: Uint8Array, file: string): Page {
  const { html, encoding } = decodePage(bytes, file);
  try {
    return pageOf(html, encoding, file);
  } catch (error) {
    if (error instanceof UserError) throw error;
    // The HTML parser or Readability failing on a page (hostile or broken markup) is the page's fault.
    throw new UserError(`${file}: cannot read the HTML page: ${messageOf(error)}`, { cause: error });
  }
}

/** The deepest nesting of elements read: real pages nest a few dozen deep; Readability's time grows fast with depth. */
const MAX_DEPTH = 400;

/** How deep elements nest under `root` (counted without recursion), stopping past `limit`. */
function depthOf(root: El, limit: number): number {
  let max = 0;
  const stack: Array<[El, number]> = [[root, 1]];
  while (stack.length && max <= limit) {
    const [el, d] = stack.pop()!;
    if (d > max) max = d;
    for (const child of Array.from(el.children)) stack.push([child as El, d + 1]);
  }
  return max;
}

function pageOf(html: string, encoding: string, file: string): Page {
  const { parseHTML, Readability } = htmlLibraries();
  const { document: doc } = parseHTML(html);
  if (doc.documentElement && depthOf(doc.documentElement as El, MAX_DEPTH) > MAX_DEPTH) {
    throw new UserError(`${file}: elements nested more than ${MAX_DEPTH} deep; this is not a news page that can be read`);
  }
  const ld = jsonLdArticles(doc);
  const fromLd = (key: string, ...sub: string[]) => ld.map((o) => jsonString(o[key], ...sub)).find((v) => v !== undefined);
  const publisher = fromLd('publisher', 'name') ?? metaContent(doc, 'og:site_name', 'publisher', 'application-name');
  const url = [fromLd('url', '@id', 'url'), fromLd('mainEntityOfPage', '@id', 'url'), metaContent(doc, 'og:url'), doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined]
    .map(pageUrl).find((u) => u !== undefined);
  const dates = [fromLd('datePublished'), metaContent(doc, 'article:published_time', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dcterms.created', 'datepublished'),
    doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime') ?? doc.querySelector('[itemprop="datePublished"]')?.getAttribute('content') ?? undefined,
    (doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]'))?.getAttribute('datetime') ?? undefined];
  const published = dates.map(pageDate).find((d) => d !== undefined);
  const h1 = squash((doc.querySelector('article h1') ?? doc.querySelector('h1'))?.textContent) || undefined;
  const headline = fromLd('headline') ?? metaContent(doc, 'og:title', 'twitter:title') ?? h1 ?? titleHeadline(doc, publisher);

  removeFurniture(doc);
  const article = new Readability(doc as unknown as Document, { charThreshold: 200 }).parse();
  const body = article?.content ? blockLines(parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`).document.body as El) : [];
  const foldLine = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const lines = body.filter((l, i) => !(i === 0 && headline && foldLine(l) === foldLine(headline)));
  if (!lines.some((l) => /\p{L}{2,}.*\p{L}{2,}/u.test(l))) {
    throw new UserError(`${file}: an HTML page with no article text (no paragraph of text was found in it); save the page of the article itself`);
  }
  const text = `${[headline, ...lines].filter(Boolean).join('\n\n').normalize('NFC')}\n`;
  return { text, headline, published, publisher, url, encoding };
}
