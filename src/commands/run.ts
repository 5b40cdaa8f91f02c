/**
 * `diplograph run`: the main job. Builds the graph from the articles, writes Turtle, TriG and
 * JSON-LD, and prints the answer of every stored query.
 */
import { join } from 'node:path';
import { Store } from 'n3';
import { parse } from '../cli.js';
import { writeFileAtomic } from '../io.js';
import { toJsonLd } from '../export/jsonld.js';
import { listQueries } from '../query/stored-queries.js';
import { answer, defaultFormat } from './query.js';
import { buildGraph, describe, onErrorOption, reportSkipped, summaryLine } from './build.js';

/** `diplograph run`: build (with `--on-error` as for build), write the three files, answer every stored query. */
export async function runCommand(argv: string[]): Promise<number> {
  const { values } = parse('run', argv, {
    in: { type: 'string', default: 'data/documents' },
    'out-dir': { type: 'string', default: 'data' },
    'on-error': { type: 'string', default: 'fail' },
  });
  if (values.help) {
    process.stdout.write('Usage: diplograph run [--in data/documents] [--out-dir data] [--on-error fail|skip]\n');
    return 0;
  }
  const dir = values['out-dir'] as string;
  const onError = onErrorOption(values['on-error']);
  const result = await buildGraph(values.in as string, undefined, { onError });
  reportSkipped(result);
  const jsonld = await toJsonLd(result.quads);
  const files = { ttl: join(dir, 'graph.ttl'), trig: join(dir, 'graph.trig'), jsonld: join(dir, 'graph.jsonld') };
  writeFileAtomic(files.ttl, result.turtle);
  writeFileAtomic(files.trig, result.trig);
  writeFileAtomic(files.jsonld, jsonld);
  process.stdout.write(`${describe(result)}\nwrote ${files.ttl}, ${files.trig} and ${files.jsonld}\n`);
  if (onError === 'skip') process.stdout.write(`${summaryLine(result)}\n`);
  const store = new Store(result.quads);
  for (const q of listQueries()) {
    process.stdout.write(`\n## ${q.name}: ${q.title}\n`);
    process.stdout.write(await answer(q, {}, store, defaultFormat(q)));
  }
  return 0;
}
