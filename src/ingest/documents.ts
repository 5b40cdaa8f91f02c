/**
 * Adding articles to the documents folder (`diplograph add`): a saved page or a text file becomes
 * `NAME.txt` (the article's text) with `NAME.source` (its URL, publication date and publisher), NAME
 * taken from the URL's last path segment or the headline. An article already in the folder (the same
 * URL, or the same text) is not added again, and an existing file is never overwritten: a name in use
 * gets `-2`, `-3`, ...
 *
 * @example
 * const doc = readDocument('saved/page.html');
 * const known = folderIndex('data/documents');
 * known.find(doc); // undefined: not there yet
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError, messageOf } from '../errors.js';
import { parseSourceSidecar, type ArticleMetadata } from '../extract/index.js';
import { decodeArticle, MAX_ARTICLE_BYTES, tooLarge } from '../extract/text.js';
import { htmlInTextNote, isArticleName } from '../graph/corpus.js';
import { fold } from '../suggest.js';
import { MAX_PAGE_BYTES, isHtmlName, looksLikeHtml, pageUrl, readPage } from './html.js';

/** An article read for adding: its text and metadata, and notes on how it was read. */
export interface Document {
  file: string;
  text: string;
  headline?: string;
  meta: ArticleMetadata;
  notes: string[];
}

/** The first line of a text that is no sentence: a headline. */
function firstLine(text: string): string | undefined {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l);
  return line && line.split(/\s+/).length <= 25 ? line : undefined;
}

/**
 * Reads a file to add: a saved page (by its extension, or a `.txt` file that holds HTML, with a note)
 * or a plain-text article with its `.source` sidecar when there is one. Errors name the file.
 */
export function readDocument(file: string): Document {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) throw new UserError(`${file}: is a folder, not an article or a saved page`);
    const size = statSync(file).size;
    if (size > MAX_PAGE_BYTES) throw tooLarge(file, size);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : messageOf(error)}`, { cause: error });
  }
  const sidecarPath = file.replace(/\.(?:txt|x?html?)$/i, '.source');
  const sidecar = sidecarPath !== file && existsSync(sidecarPath) ? parseSourceSidecar(readFileSync(sidecarPath, 'utf8'), sidecarPath) : {};
  if (isHtmlName(file) || looksLikeHtml(bytes)) {
    const page = readPage(bytes, file);
    if (Buffer.byteLength(page.text) > MAX_ARTICLE_BYTES) throw tooLarge(file, Buffer.byteLength(page.text));
    const meta = { url: sidecar.url ?? page.url, published: sidecar.published ?? page.published, publisher: sidecar.publisher ?? page.publisher };
    return { file, text: page.text, headline: page.headline, meta, notes: isHtmlName(file) ? [] : [htmlInTextNote(file, false)] };
  }
  if (bytes.length > MAX_ARTICLE_BYTES) throw tooLarge(file, bytes.length);
  const text = decodeArticle(bytes, file);
  return { file, text, headline: firstLine(text), meta: sidecar, notes: [] };
}

/** A URL (as pageUrl gives it) as compared for duplicates: without `www.`, scheme or trailing slash, host in lower case. */
export function urlKey(url: string): string {
  const u = new URL(url);
  const path = u.pathname.replace(/\/+$/, '');
  return `${u.host.toLowerCase().replace(/^www\./, '')}${path}${u.search}`;
}

/** A text as compared for duplicates: letters and digits only, folded (case, accents, spacing and punctuation do not count). */
export function textKey(text: string): string {
  return fold(text).replace(/ /g, '');
}

/**
 * The name of an article file: from the URL's last path segment (without an extension or a trailing
 * article number, `-post301245`), else the headline, else the file's name; lower case, a-z 0-9 and
 * dashes, at most 80 characters.
 */
export function documentName(doc: Pick<Document, 'file' | 'headline' | 'meta'>): string {
  const slug = (s: string) => {
    const out = fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (out.length <= 80) return out;
    const cut = out.slice(0, 80);
    return cut.slice(0, cut.lastIndexOf('-') > 40 ? cut.lastIndexOf('-') : 80);
  };
  const segment = doc.meta.url ? decodeURIComponent(new URL(doc.meta.url).pathname.split('/').filter(Boolean).pop() ?? '').replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[-_](?:post|article|news|a|p)?\d{4,}$/i, '') : '';
  for (const candidate of [segment, doc.headline ?? '', basename(doc.file).replace(/\.[^.]+$/, '')]) {
    const s = slug(candidate);
    if ((s.match(/[a-z]/g) ?? []).length >= 3) return s;
  }
  return 'article';
}

/** Where an article already is, and why it counts as the same. */
export interface Found {
  file: string;
  why: 'same URL' | 'same text';
}

/** The articles of a documents folder, by URL and by text, to find duplicates in; new ones are added as they are written. */
export class FolderIndex {
  private byUrl = new Map<string, string>();
  private byText = new Map<string, string>();
  private names = new Set<string>();

  /** Indexes every article of `dir` (an article that cannot be read is passed over: it is nobody's duplicate). */
  constructor(readonly dir: string) {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      this.names.add(name);
      if (!isArticleName(name)) continue;
      try {
        this.add(readDocument(join(dir, name)), join(dir, name));
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
      }
    }
  }

  /** Records an article as being at `file`. */
  add(doc: Document, file: string): void {
    const url = doc.meta.url && pageUrl(doc.meta.url);
    if (url && !this.byUrl.has(urlKey(url))) this.byUrl.set(urlKey(url), file);
    const key = textKey(doc.text);
    if (!this.byText.has(key)) this.byText.set(key, file);
    this.names.add(basename(file));
  }

  /** Where an article is already, if it is. */
  find(doc: Document): Found | undefined {
    const url = doc.meta.url && pageUrl(doc.meta.url);
    const byUrl = url ? this.byUrl.get(urlKey(url)) : undefined;
    if (byUrl) return { file: byUrl, why: 'same URL' };
    const byText = this.byText.get(textKey(doc.text));
    return byText ? { file: byText, why: 'same text' } : undefined;
  }

  /** A name not in use in the folder (no `.txt`, `.html`, `.htm` or `.source` of it): `name`, else `name-2`, `name-3`, ... */
  freeName(name: string): string {
    const used = (n: string) => ['.txt', '.html', '.htm', '.source'].some((ext) => this.names.has(`${n}${ext}`) || existsSync(join(this.dir, `${n}${ext}`)));
    let n = name;
    for (let i = 2; used(n); i++) n = `${name}-${i}`;
    return n;
  }
}
