/**
 * `diplograph run`: the main job. Builds the graph from the articles, writes Turtle, TriG and
 * JSON-LD (streamed), and prints the answer of every stored query, which it also keeps in the answer
 * cache of the TriG.
 */
import { join } from 'node:path';
import { parse } from '../cli.js';
import { writeJsonLdAtomic } from '../export/jsonld-stream.js';
import { loadStore } from '../graph/load.js';
import { fileHash, storeAnswer } from '../query/answer-cache.js';
import { run } from '../query/engine.js';
import { bindParams, listQueries } from '../query/stored-queries.js';
import { formatResult } from '../query/results.js';
import { defaultFormat } from './query.js';
import { CORRECTION_OPTIONS, buildGraph, correctionsLine, describe, onErrorOption, reportSkipped, summaryLine, writeGraphFiles } from './build.js';

/** `diplograph run`: build (with `--on-error` as for build), write the three files, answer every stored query. */
export async function runCommand(argv: string[]): Promise<number> {
  const { values } = parse('run', argv, {
    in: { type: 'string', default: 'data/documents' },
    'out-dir': { type: 'string', default: 'data' },
    'on-error': { type: 'string', default: 'fail' },
    ...CORRECTION_OPTIONS,
  });
  if (values.help) {
    process.stdout.write('Usage: diplograph run [--in data/documents] [--out-dir data] [--on-error fail|skip] [--corrections data/corrections.ttl] [--strict]\n');
    return 0;
  }
  const dir = values['out-dir'] as string;
  const onError = onErrorOption(values['on-error']);
  const result = await buildGraph(values.in as string, undefined, { onError, strings: false, corrections: values.corrections as string, strictCorrections: values.strict as boolean });
  reportSkipped(result);
  const files = { ttl: join(dir, 'graph.ttl'), trig: join(dir, 'graph.trig'), jsonld: join(dir, 'graph.jsonld') };
  await writeGraphFiles(result.quads, files.ttl, files.trig);
  // The JSON-LD is written, and the queries answered, from the TriG just written: answered as
  // `diplograph query` answers them (the same quads in the same order, so the same order within
  // GROUP_CONCATs), the answers are kept in its answer cache, and a first `diplograph query NAME` on
  // it answers at once.
  const store = loadStore(files.trig);
  await writeJsonLdAtomic(files.jsonld, store);
  process.stdout.write(`${describe(result)}\n${correctionsLine(result)}wrote ${files.ttl}, ${files.trig} and ${files.jsonld}\n`);
  if (onError === 'skip') process.stdout.write(`${summaryLine(result)}\n`);
  const hash = fileHash(files.trig);
  for (const q of listQueries()) {
    process.stdout.write(`\n## ${q.name}: ${q.title}\n`);
    const text = bindParams(q, {});
    const r = await run(text, store, q.path);
    try {
      storeAnswer(files.trig, text, r, hash);
    } catch {
      // A folder we cannot write to: the answer stands, only it is not kept.
    }
    process.stdout.write(await formatResult(r, defaultFormat(q), q.name));
  }
  return 0;
}
