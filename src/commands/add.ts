/**
 * `diplograph add FILE... [--data DIR | --to DIR] [--url URL]`: adds articles to the documents
 * folder. A saved page (`.html`, or a `.txt` file that holds HTML, with a note) is read for its
 * article text, headline, date, publisher and URL (src/ingest/html.ts); a plain-text article is
 * taken as it is, with its `.source` sidecar if it has one. Each becomes `NAME.txt` and `NAME.source`
 * (src/ingest/documents.ts). An article already there (same URL or same text) is named and not added.
 * Every file is read and checked before anything is written: one bad file adds nothing.
 */
import { join } from 'node:path';
import { parse } from '../cli.js';
import { DATA_OPTION, dataLayout } from '../data-dir.js';
import { UserError, messageOf } from '../errors.js';
import { formatSourceSidecar } from '../extract/index.js';
import { documentName, FolderIndex, readDocument, type Document } from '../ingest/documents.js';
import { pageUrl } from '../ingest/html.js';
import { writeFileAtomic } from '../io.js';

export const ADD_USAGE = 'Usage: diplograph add FILE... [--data DIR | --to DIR] [--url URL]\n' +
  '  Adds articles (saved .html pages or .txt texts) to DIR/documents (or --to DIR) as NAME.txt with\n' +
  '  NAME.source (URL, publication date, publisher). --url gives the URL of a page that has none (one FILE).\n';

/** What was found of an article, for the line that reports it. */
function described(doc: Document): string {
  const parts = [doc.headline && JSON.stringify(doc.headline), doc.meta.published ? `published ${doc.meta.published}` : 'no publication date', doc.meta.publisher, doc.meta.url];
  return parts.filter(Boolean).join(', ');
}

export async function addCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('add', argv, { to: { type: 'string' }, url: { type: 'string' }, ...DATA_OPTION }, Infinity);
  if (values.help) {
    process.stdout.write(ADD_USAGE);
    return 0;
  }
  if (!positionals.length) throw new UserError('add: give the saved pages or article files to add, e.g. diplograph add ~/Downloads/article.html', { exitCode: 2 });
  if (values.to !== undefined && values.data !== undefined) throw new UserError('add: --to or --data, not both', { exitCode: 2 });
  const url = values.url as string | undefined;
  if (url !== undefined && positionals.length > 1) throw new UserError('--url: give one FILE with it (the URL of that page)', { exitCode: 2 });
  if (url !== undefined && !pageUrl(url)) throw new UserError(`--url: "${url}" is not an absolute http(s) URL`, { exitCode: 2 });
  const dir = (values.to as string | undefined) ?? dataLayout(values.data as string | undefined).documents;

  const docs: Document[] = [];
  const failures: string[] = [];
  for (const file of positionals) {
    try {
      docs.push(readDocument(file));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      failures.push(messageOf(error));
    }
  }
  if (failures.length === 1 && positionals.length === 1) throw new UserError(failures[0]);
  if (failures.length) throw new UserError(`${failures.length} of the ${positionals.length} files cannot be read; nothing was added:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  if (url !== undefined) docs[0].meta.url = pageUrl(url);

  const index = new FolderIndex(dir);
  let added = 0;
  for (const doc of docs) {
    for (const note of doc.notes) process.stderr.write(`diplograph: note: ${note}\n`);
    const found = index.find(doc);
    if (found) {
      process.stdout.write(`${doc.file}: already there as ${found.file} (${found.why}); not added\n`);
      continue;
    }
    const name = index.freeName(documentName(doc));
    const txt = join(dir, `${name}.txt`);
    const sidecar = formatSourceSidecar(doc.meta);
    // The sidecar first: an article is never there without its date.
    if (sidecar) writeFileAtomic(join(dir, `${name}.source`), sidecar);
    writeFileAtomic(txt, doc.text);
    index.add(doc, txt);
    added++;
    process.stdout.write(`added ${txt} from ${doc.file}: ${described(doc)}\n`);
  }
  const already = docs.length - added;
  process.stdout.write(`added ${added} article${added === 1 ? '' : 's'}${already ? `, ${already} already there` : ''}${added ? '; diplograph run builds the graph with them' : ''}\n`);
  return 0;
}
