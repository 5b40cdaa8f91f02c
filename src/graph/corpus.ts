/**
 * A folder of articles: every `*.txt` file, in file-name order, with its optional `.source` sidecar
 * (`URL<TAB>published=YYYY-MM-DD`). Reading checks each file and names it in any error.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { extractArticle, parseSourceSidecar, type ArticleExtraction } from '../extract/index.js';

/** The article files of a folder, sorted by name. */
export function articleFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new UserError(`${dir}: no such folder (give the folder of article .txt files with --in)`);
  if (!statSync(dir).isDirectory()) throw new UserError(`${dir}: not a folder (give the folder of article .txt files)`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (!files.length) throw new UserError(`${dir}: no article files (*.txt) in this folder`);
  return files.map((f) => join(dir, f));
}

/** Extracts every article of a folder, in file-name order. */
export function extractFolder(dir: string): ArticleExtraction[] {
  return articleFiles(dir).map((path) => extractFile(path));
}

/** Extracts one article file, with its `.source` sidecar when there is one. */
export function extractFile(path: string): ArticleExtraction {
  const sidecar = path.replace(/\.txt$/, '.source');
  const meta = existsSync(sidecar) ? parseSourceSidecar(readFileSync(sidecar, 'utf8')) : {};
  return extractArticle(path, readFileSync(path), meta);
}
