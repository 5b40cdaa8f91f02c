/**
 * A folder of articles: every `*.txt` file, in file-name order, with its optional `.source` sidecar
 * (`URL<TAB>published=YYYY-MM-DD`). Reading checks each file and names it in any error; an article
 * that cannot be read is reported with its reason, and the others are still read.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, messageOf } from '../errors.js';
import { extractArticle, parseSourceSidecar, type ArticleExtraction, type ExtractOptions } from '../extract/index.js';
import { MAX_ARTICLE_BYTES, tooLarge } from '../extract/text.js';

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

/** The article files of a folder, sorted by name. */
export function articleFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new UserError(`${dir}: no such folder (give the folder of article .txt files with --in)`);
  if (!statSync(dir).isDirectory()) throw new UserError(`${dir}: not a folder (give the folder of article .txt files)`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (!files.length) throw new UserError(`${dir}: no article files (*.txt) in this folder`);
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
    if (what === 'article' && stat.size > MAX_ARTICLE_BYTES) throw tooLarge(path, stat.size);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'it disappeared while reading' : messageOf(error);
    throw new UserError(`${path}: cannot read the ${what}: ${why}`, { cause: error });
  }
}

/** Extracts one article file, with its `.source` sidecar when there is one. Errors are UserErrors naming the file. */
export function extractFile(path: string, options: ExtractOptions = {}): ArticleExtraction {
  const sidecar = path.replace(/\.txt$/, '.source');
  const meta = existsSync(sidecar) ? parseSourceSidecar(readBytes(sidecar, 'sidecar').toString('utf8'), sidecar) : {};
  return extractArticle(path, readBytes(path, 'article'), meta, options);
}
