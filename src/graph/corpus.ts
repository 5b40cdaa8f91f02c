/**
 * A folder of articles: every `*.txt` file and every saved page (`*.html`, `*.htm`), in file-name
 * order, each with its optional `.source` sidecar (`URL<TAB>published=YYYY-MM-DD[<TAB>publisher=NAME]`).
 * A page is read as src/ingest/html.ts says (its article text, and its date, publisher and URL where
 * the sidecar does not give them); a `.txt` file that holds an HTML page is read as a page, with a note.
 * Reading checks each file and names it in any error; an article that cannot be read is reported with
 * its reason, and the others are still read.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, messageOf } from '../errors.js';
import { extractArticle, parseSourceSidecar, type ArticleExtraction, type ExtractOptions } from '../extract/index.js';
import { MAX_ARTICLE_BYTES, tooLarge } from '../extract/text.js';
import { MAX_PAGE_BYTES, isHtmlName, looksLikeHtml, readPage } from '../ingest/html.js';

/** What to do with an article that cannot be read: fail the build (the default) or leave it out. */
export type OnError = 'fail' | 'skip';

/** The values `--on-error` takes. */
export const ON_ERROR_CHOICES: readonly OnError[] = ['fail', 'skip'];

/** An article that cannot be read, and why: the UserError's one-line message, which names the file. */
export interface ArticleFailure {
  file: string;
  message: string;
}

/** The articles of a folder that were read, and those that could not be. */
export interface FolderExtraction {
  extractions: ArticleExtraction[];
  failures: ArticleFailure[];
}

/** Whether a file name is an article of a folder: a `.txt` text or a saved `.html`/`.htm` page. */
export function isArticleName(name: string): boolean {
  return name.endsWith('.txt') || /\.html?$/i.test(name);
}

/** The article files of a folder (`*.txt`, `*.html`, `*.htm`), sorted by name. Two files of one name (`x.txt`, `x.html`) are an error: they would be one article. */
export function articleFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new UserError(`${dir}: no such folder (give the folder of article .txt or .html files with --in)`);
  if (!statSync(dir).isDirectory()) throw new UserError(`${dir}: not a folder (give the folder of article .txt or .html files)`);
  const files = readdirSync(dir).filter(isArticleName).sort();
  if (!files.length) throw new UserError(`${dir}: no article files (*.txt, *.html) in this folder`);
  const seen = new Map<string, string>();
  for (const f of files) {
    const id = f.replace(/\.[^.]+$/, '');
    const other = seen.get(id);
    if (other) throw new UserError(`${join(dir, other)} and ${f}: two files of one article "${id}"; keep one of them`);
    seen.set(id, f);
  }
  return files.map((f) => join(dir, f));
}

/**
 * Extracts every article of a folder, in file-name order. An article that cannot be read (a
 * UserError: empty, binary, not UTF-8, unreadable, a bad sidecar) is collected in `failures`; the
 * others are still extracted. A programming error is not caught.
 */
export function extractFolderReport(dir: string): FolderExtraction {
  const extractions: ArticleExtraction[] = [];
  const failures: ArticleFailure[] = [];
  for (const path of articleFiles(dir)) {
    try {
      extractions.push(extractFile(path));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      failures.push({ file: path, message: messageOf(error) });
    }
  }
  return { extractions, failures };
}

/** Extracts every article of a folder; any bad article is a UserError that names every bad file with its reason. */
export function extractFolder(dir: string): ArticleExtraction[] {
  return readCorpus(dir, 'fail').extractions;
}

/**
 * Extracts every article of a folder. With `onError: 'fail'` (the default) any bad article is a
 * UserError that names every bad file with its reason; with `'skip'` the bad ones are left out and
 * returned in `failures` (a folder where no article can be read is still an error).
 */
export function readCorpus(dir: string, onError: OnError = 'fail'): FolderExtraction {
  const report = extractFolderReport(dir);
  if (onError === 'fail' && report.failures.length) throw failuresError(report.failures);
  if (!report.extractions.length) {
    throw new UserError(`${dir}: none of the ${report.failures.length} articles can be read; nothing was written:\n${report.failures.map((f) => `  ${f.message}`).join('\n')}`);
  }
  return report;
}

/** One bad article: its own one-line message. Several: a header, then one line per file. */
export function failuresError(failures: ArticleFailure[]): UserError {
  if (failures.length === 1) return new UserError(failures[0].message);
  const lines = failures.map((f) => `  ${f.message}`).join('\n');
  return new UserError(`${failures.length} articles cannot be read; nothing was written (--on-error skip builds the others):\n${lines}`);
}

function readBytes(path: string, what: string): Buffer {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UserError(`${path}: is a folder, not an article file`);
    if (what === 'article' && stat.size > MAX_ARTICLE_BYTES && !(isHtmlName(path) && stat.size <= MAX_PAGE_BYTES)) throw tooLarge(path, stat.size);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'it disappeared while reading' : messageOf(error);
    throw new UserError(`${path}: cannot read the ${what}: ${why}`, { cause: error });
  }
}

/** The note for a `.txt` file that holds an HTML page; `hint`: how to keep its text instead. */
export function htmlInTextNote(path: string, hint = true): string {
  return `${path}: holds an HTML page, not plain text; read as HTML${hint ? ` (diplograph add ${path} keeps its article text and .source)` : ''}`;
}

/**
 * Extracts one article file (text or saved page), with its `.source` sidecar when there is one; for a
 * page, the sidecar's fields win over the page's own. Errors are UserErrors naming the file.
 */
export function extractFile(path: string, options: ExtractOptions = {}): ArticleExtraction {
  const sidecar = path.replace(/\.(?:txt|html?)$/i, '.source');
  const meta = sidecar !== path && existsSync(sidecar) ? parseSourceSidecar(readBytes(sidecar, 'sidecar').toString('utf8'), sidecar) : {};
  const bytes = readBytes(path, 'article');
  if (!isHtmlName(path) && !looksLikeHtml(bytes)) return extractArticle(path, bytes, meta, options);
  if (!isHtmlName(path) && bytes.length > MAX_ARTICLE_BYTES) throw tooLarge(path, bytes.length);
  const page = readPage(bytes, path);
  if (page.text.length > MAX_ARTICLE_BYTES) throw tooLarge(path, page.text.length);
  const x = extractArticle(path, page.text, { url: meta.url ?? page.url, published: meta.published ?? page.published, publisher: meta.publisher ?? page.publisher }, options);
  if (!isHtmlName(path)) x.notes = [htmlInTextNote(path)];
  return x;
}
