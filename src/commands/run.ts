/**
 * `diplograph run`: the main job (`npm start`). Builds the graph from the articles, writes Turtle,
 * TriG and JSON-LD (streamed), answers every stored query (keeping the answers in the answer cache of
 * the TriG) and writes each answer to `answers/NAME.csv` and `answers/NAME.json` (SPARQL 1.1 Query
 * Results CSV and JSON; a CONSTRUCT query's graph to `answers/NAME.ttl`), with `answers/index.json`
 * giving the parameters each query ran with. Then prints a short report (src/report.ts): what was
 * built, what needs attention, and where the answers are; `--verbose` also prints every answer.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from '../cli.js';
import { DATA_OPTION, dataLayout, shown } from '../data-dir.js';
import { writeJsonLdAtomic } from '../export/jsonld-stream.js';
import { loadStore } from '../graph/load.js';
import { writeFileAtomic } from '../io.js';
import { fileHash, storeAnswer } from '../query/answer-cache.js';
import { run, type QueryResult } from '../query/engine.js';
import { projectRoot } from '../ontology-files.js';
import { bindParams, listQueries, type StoredQuery } from '../query/stored-queries.js';
import { formatResult } from '../query/results.js';
import { attentionOf, countsOf, formatAttention, formatCounts } from '../report.js';
import { defaultFormat } from './query.js';
import { CORRECTION_OPTIONS, buildGraph, correctionsLine, onErrorOption, reportSkipped, summaryLine, writeGraphFiles } from './build.js';

export const RUN_USAGE = 'Usage: diplograph run [--data DIR] [--in DIR/documents] [--out-dir DIR] [--on-error fail|skip] [--corrections FILE] [--strict] [--verbose]\n';

/** One stored query's answer, as written to the answers folder. */
interface Answered {
  q: StoredQuery;
  result: QueryResult;
  /** The parameters it ran with: each one's value as a user would give it (undefined: left unbound). */
  params: Array<{ name: string; type: string; value?: string }>;
  files: string[];
}

/** The size of an answer: `23 rows`, `57 triples`, `true`. */
function size(r: QueryResult): string {
  if (r.type === 'boolean') return String(r.value);
  const n = r.type === 'quads' ? r.quads.length : r.rows.length;
  const what = r.type === 'quads' ? 'triple' : 'row';
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** `minimum=1 (default)`, `phrase="maritime security" home=country/vietnam (defaults)`, or `no parameters`. */
function paramsText(a: Answered): string {
  if (!a.params.length) return 'no parameters';
  const value = (v?: string) => (v === undefined ? '(unbound)' : /[\s"]/.test(v) ? JSON.stringify(v) : v);
  return `${a.params.map((p) => `${p.name}=${value(p.value)}`).join(' ')} (default${a.params.length === 1 ? '' : 's'})`;
}

/**
 * Writes each answer's files to `dir` and the index of them all; removes the answer files of stored
 * queries that no longer exist. Sets each answer's `files`.
 */
async function writeAnswers(dir: string, answers: Answered[], graph: string, graphHash: string): Promise<void> {
  const keep = new Set<string>(['index.json']);
  for (const a of answers) {
    if (a.result.type === 'quads') {
      a.files = [`${a.q.name}.ttl`];
      writeFileAtomic(join(dir, a.files[0]), await formatResult(a.result, 'turtle', a.q.name));
    } else {
      a.files = [`${a.q.name}.csv`, `${a.q.name}.json`];
      writeFileAtomic(join(dir, a.files[0]), await formatResult(a.result, 'csv', a.q.name));
      // SPARQL 1.1 Query Results JSON; head.link points to the index that gives the parameters.
      const json = JSON.parse(await formatResult(a.result, 'json', a.q.name)) as { head: Record<string, unknown> };
      json.head.link = ['index.json'];
      writeFileAtomic(join(dir, a.files[1]), `${JSON.stringify(json, null, 2)}\n`);
    }
    for (const f of a.files) keep.add(f);
  }
  const index = {
    graph: basename(graph),
    graphSha256: graphHash,
    answers: answers.map((a) => ({
      query: a.q.name,
      title: a.q.title,
      file: `queries/${basename(a.q.path)}`,
      parameters: a.params.map((p) => ({ name: p.name, type: p.type, value: p.value ?? null, default: true })),
      size: size(a.result),
      files: a.files,
    })),
  };
  writeFileAtomic(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  for (const f of readdirSync(dir)) if (/\.(?:csv|json|ttl)$/.test(f) && !keep.has(f)) rmSync(join(dir, f), { force: true });
}

/** `diplograph run`: build (with `--on-error` as for build), write the three files, answer every stored query, report. */
export async function runCommand(argv: string[]): Promise<number> {
  const { values } = parse('run', argv, {
    in: { type: 'string' },
    'out-dir': { type: 'string' },
    'on-error': { type: 'string', default: 'fail' },
    verbose: { type: 'boolean', short: 'v', default: false },
    ...DATA_OPTION,
    ...CORRECTION_OPTIONS,
  });
  if (values.help) {
    process.stdout.write(RUN_USAGE);
    return 0;
  }
  const data = dataLayout(values.data as string | undefined);
  const dir = (values['out-dir'] as string | undefined) ?? data.dir;
  const inDir = (values.in as string | undefined) ?? data.documents;
  const verbose = values.verbose as boolean;
  const onError = onErrorOption(values['on-error']);
  const result = await buildGraph(inDir, undefined, { onError, strings: false, corrections: values.corrections as string, strictCorrections: values.strict as boolean });
  reportSkipped(result);
  const files = { ttl: join(dir, 'graph.ttl'), trig: join(dir, 'graph.trig'), jsonld: join(dir, 'graph.jsonld'), answers: join(dir, 'answers') };
  await writeGraphFiles(result.quads, files.ttl, files.trig);
  // The JSON-LD is written, and the queries answered, from the TriG just written: answered as
  // `diplograph query` answers them (the same quads in the same order, so the same order within
  // GROUP_CONCATs), the answers are kept in its answer cache, and a first `diplograph query NAME` on
  // it answers at once.
  const store = loadStore(files.trig);
  await writeJsonLdAtomic(files.jsonld, store);
  const hash = fileHash(files.trig);
  const answers: Answered[] = [];
  for (const q of listQueries()) {
    const text = bindParams(q, {});
    const r = await run(text, store, q.path);
    try {
      storeAnswer(files.trig, text, r, hash);
    } catch {
      // A folder we cannot write to: the answer stands, only it is not kept.
    }
    answers.push({ q, result: r, params: q.params.map((p) => ({ name: p.name, type: p.language ? `${p.type}(${p.language})` : p.type, value: p.default })), files: [] });
  }
  await writeAnswers(files.answers, answers, files.trig, hash);

  const out: string[] = [];
  out.push(`Built from ${inDir}: ${formatCounts(countsOf(result.extractions, result.quads))}`);
  const corrected = correctionsLine(result).trimEnd();
  if (corrected) out.push(`  ${corrected}`);
  if (onError === 'skip') out.push(summaryLine(result));
  out.push(`  wrote ${files.ttl}, ${files.trig} and ${files.jsonld}`, '');
  out.push(formatAttention(attentionOf(result.extractions), verbose));
  out.push(`Answers of the ${answers.length} stored queries (${shown(join(projectRoot(), 'queries'))}/NAME.rq) in ${files.answers}/: NAME.csv and NAME.json (SPARQL 1.1 results; a graph as NAME.ttl), parameters in index.json`);
  const width = Math.max(...answers.map((a) => a.q.name.length));
  for (const a of answers) out.push(`  ${a.q.name.padEnd(width)}  ${size(a.result).padEnd(11)}  ${paramsText(a)}`);
  out.push(verbose ? '' : 'diplograph query NAME [--param NAME=VALUE] prints one; diplograph run --verbose prints them all.');
  process.stdout.write(`${out.join('\n')}\n`);
  if (verbose) {
    for (const a of answers) {
      process.stdout.write(`\n## ${a.q.name}: ${a.q.title} (${paramsText(a)})\n`);
      process.stdout.write(await formatResult(a.result, defaultFormat(a.q), a.q.name));
    }
  }
  return 0;
}
