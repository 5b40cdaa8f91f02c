/**
 * `diplograph query <name|file.rq>`: answers a stored query (or any .rq file) over the built graph
 * with Comunica, or over a remote SPARQL endpoint, in a W3C results format or as a table.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from '../cli.js';
import { UserError } from '../errors.js';
import { formatOf, loadGraph, loadStore, parseGraph } from '../graph/load.js';
import { cachedAnswer, storeAnswer } from '../query/answer-cache.js';
import { DATA_OPTION, dataLayout } from '../data-dir.js';
import { datasetAt } from '../remote/dataset.js';
import { run, type Source } from '../query/engine.js';
import { OUTPUT_FORMATS, formatResult, type OutputFormat } from '../query/results.js';
import { hasNames, hasNodes, isName, resolveParams } from '../query/names.js';
import { bindParams, getQuery, listQueries, type StoredQuery } from '../query/stored-queries.js';

/** NAME=VALUE pairs of --param, checked. */
export function parseParams(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UserError(`--param "${pair}": write it as NAME=VALUE`, { exitCode: 2 });
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/** The output format that suits a stored query when none is asked for: a table, or Turtle for a graph. */
export function defaultFormat(q: StoredQuery): OutputFormat {
  return /^\s*(?:(?:#.*|PREFIX.*|BASE.*)?\n)*\s*(?:CONSTRUCT|DESCRIBE)\b/i.test(q.text) ? 'turtle' : 'table';
}

/** Answers one stored query with its parameters, in a format; `inline` as for bindParams. */
export async function answer(q: StoredQuery, params: Record<string, string>, source: Source, format: OutputFormat, inline = true): Promise<string> {
  return formatResult(await run(bindParams(q, params, { inline }), source, q.path), format, q.name);
}

export function listing(): string {
  const lines: string[] = [];
  for (const q of listQueries()) {
    lines.push(`${q.name}\n    ${q.title}`);
    for (const p of q.params) {
      const note = p.default !== undefined ? ` (default ${p.default})` : p.optional ? ' (optional)' : '';
      const type = p.type === 'actor' || p.type === 'meeting' || p.type === 'area' ? `${p.type}: name or IRI` : p.type;
      lines.push(`    --param ${p.name}=<${type}>${note}  ${p.description}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const iriOption = (option: string, list: string[]): string[] => {
  for (const iri of list) if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(iri)) throw new UserError(`--${option}: "${iri}" is not an absolute IRI`, { exitCode: 2 });
  return list;
};

/**
 * The graph file, or the endpoints (several are federated), each with its dataset: the one its
 * catalog `--dataset IRI` describes (written by diplograph push), or `--default-graph` as
 * default-graph-uri and `--named-graph` as named-graph-uri, or the endpoint's own.
 */
export async function sourceOf(values: Record<string, unknown>): Promise<Source> {
  const endpoints = (values.endpoint as string[] | undefined) ?? [];
  const defaultGraphs = iriOption('default-graph', (values['default-graph'] as string[] | undefined) ?? []);
  const namedGraphs = iriOption('named-graph', (values['named-graph'] as string[] | undefined) ?? []);
  const dataset = values.dataset === undefined ? undefined : iriOption('dataset', [values.dataset as string])[0];
  if (!endpoints.length) {
    if (defaultGraphs.length || namedGraphs.length || dataset) throw new UserError('--dataset, --default-graph and --named-graph need --endpoint', { exitCode: 2 });
    return loadGraph(values.graph as string);
  }
  if (dataset && (defaultGraphs.length || namedGraphs.length)) throw new UserError('--dataset or --default-graph/--named-graph, not both', { exitCode: 2 });
  for (const endpoint of endpoints) if (!/^https?:\/\/\S+$/.test(endpoint)) throw new UserError(`--endpoint: "${endpoint}" is not an http(s) URL`, { exitCode: 2 });
  const list = dataset ? await Promise.all(endpoints.map((e) => datasetAt(e, dataset))) : endpoints.map((endpoint) => ({ endpoint, defaultGraphs, namedGraphs }));
  return list.length === 1 ? list[0] : { endpoints: list };
}

export async function queryCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('query', argv, {
    param: { type: 'string', multiple: true, short: 'p' },
    format: { type: 'string', short: 'f' },
    graph: { type: 'string' },
    ...DATA_OPTION,
    verbose: { type: 'boolean', short: 'v' },
    endpoint: { type: 'string', multiple: true },
    'default-graph': { type: 'string', multiple: true },
    'named-graph': { type: 'string', multiple: true },
    dataset: { type: 'string' },
    list: { type: 'boolean' },
    'no-cache': { type: 'boolean' },
  }, 1);
  if (values.help) {
    process.stdout.write('Usage: diplograph query <name|file.rq> [--param NAME=VALUE ...] [--format table|json|csv|tsv|turtle|jsonld] [--graph FILE | --data DIR] [--no-cache] [--verbose] [--endpoint URL ... [--dataset IRI | --default-graph IRI ... --named-graph IRI ...]]\n       diplograph query --list\n');
    return 0;
  }
  if (values.list) {
    process.stdout.write(listing());
    return 0;
  }
  const [name] = positionals;
  if (!name) throw new UserError('query: give a stored query name or a .rq file (diplograph query --list shows the stored queries)', { exitCode: 2 });
  const q = getQuery(name);
  const format = (values.format as OutputFormat | undefined) ?? defaultFormat(q);
  if (!OUTPUT_FORMATS.includes(format)) throw new UserError(`--format: unknown format "${format}" (use ${OUTPUT_FORMATS.join(', ')})`, { exitCode: 2 });
  const params = parseParams((values.param as string[] | undefined) ?? []);
  bindParams(q, withoutNames(q, params)); // check the parameters before loading anything
  if (!values.endpoint) {
    const graph = (values.graph as string | undefined) ?? dataLayout(values.data as string | undefined).trig;
    process.stdout.write(await formatResult(await localAnswer(q, params, graph, !values['no-cache'], values.verbose as boolean | undefined), format, q.name));
    return 0;
  }
  if (hasNames(q, params)) {
    const name = Object.keys(params).find((n) => isName(q.params.find((p) => p.name === n)!, params[n]))!;
    throw new UserError(`parameter "${name}": "${params[name]}" is a name; names are looked up in a local graph (--graph), so with --endpoint give an IRI`, { exitCode: 2 });
  }
  const source = await sourceOf(values);
  // Sent to stores, the parameters stay in a VALUES block: Comunica 5.4, federating over several
  // endpoints, loses every solution of some queries whose constants it pushes down into the endpoints'
  // subqueries with other filters (areas-per-partner; test/virtuoso.test.ts), and portable.ts writes
  // the VALUES terms into the filters that Virtuoso needs them in.
  process.stdout.write(await answer(q, params, source, format, false));
  return 0;
}

/** The values with every name of a node parameter replaced by an IRI, for checking the other values before the graph is read. */
function withoutNames(q: StoredQuery, params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([n, v]) => [n, isName(q.params.find((p) => p.name === n) ?? { name: n, type: 'string', description: '' }, v) ? 'urn:x' : v]));
}

/**
 * The answer over a local graph file: from the answer cache when it holds one for these very bytes
 * and this query text (the graph and the engine are then never loaded), else
 * evaluated and, with `useCache`, stored for next time (src/query/answer-cache.ts). Names and IRIs
 * given for node parameters are checked against the graph first (src/query/names.ts); an answer is
 * kept only once they were, so a kept answer's IRIs name something. The note that an answer came from
 * the cache is written only when `verbose`.
 */
export async function localAnswer(q: StoredQuery, params: Record<string, string>, graph: string, useCache: boolean, verbose = false) {
  if (!existsSync(graph)) loadStore(graph); // the one-line "no such graph file" error
  const bytes = readFileSync(graph);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const cached = (text: string) => {
    const hit = useCache ? cachedAnswer(graph, text, hash) : undefined;
    if (hit && verbose) process.stderr.write(`diplograph: answered from the cache (${hit.file}), kept for this very graph file; --no-cache evaluates the query again\n`);
    return hit?.result;
  };
  const direct = hasNames(q, params) ? undefined : bindParams(q, params);
  const early = direct === undefined ? undefined : cached(direct);
  if (early) return early;
  const store = await parseGraph(bytes.toString('utf8'), formatOf(graph), graph);
  const text = hasNodes(q, params) ? bindParams(q, resolveParams(q, params, store)) : direct!;
  const late = text === direct ? undefined : cached(text);
  if (late) return late;
  const result = await run(text, store, q.path);
  if (useCache) {
    try {
      storeAnswer(graph, text, result, hash);
    } catch {
      // A folder we cannot write to: the answer stands, only it is not kept.
    }
  }
  return result;
}
