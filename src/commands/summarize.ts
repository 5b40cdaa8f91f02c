/**
 * `diplograph summarize <articles-dir> --out <dir>`: builds the graph of those articles and writes one
 * JSON summary per article, computed by SPARQL over the article's named graph.
 */
import { join } from 'node:path';
import { Store } from 'n3';
import { parse } from '../cli.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { Minter } from '../graph/iris.js';
import { select } from '../query/engine.js';
import { summarizeArticle, type SelectFn } from '../summarize.js';
import { buildGraph } from './build.js';

export async function summarizeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('summarize', argv, { out: { type: 'string' } }, 1);
  if (values.help) {
    process.stdout.write('Usage: diplograph summarize <articles-dir> --out <dir>\n');
    return 0;
  }
  const [inDir] = positionals;
  if (!inDir) throw new UserError('summarize: give the folder of articles, e.g. diplograph summarize data/documents --out out/', { exitCode: 2 });
  const out = values.out as string | undefined;
  if (!out) throw new UserError('summarize: --out <dir> is required (the folder to write one JSON summary per article to)', { exitCode: 2 });
  const { extractions, quads } = await buildGraph(inDir, undefined, { strings: false, mergeEvents: false });
  const store = new Store(quads);
  const run: SelectFn = async (query) => (await select(query, store)).rows;
  const mint = new Minter();
  for (const x of extractions) {
    const summary = await summarizeArticle(run, mint.article(x.article.id).value, x.article.file);
    writeFileAtomic(join(out, `${x.article.id}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  }
  process.stdout.write(`wrote ${extractions.length} summaries to ${out}\n`);
  return 0;
}
