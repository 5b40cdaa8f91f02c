/**
 * `diplograph query <name|file.rq>`: answers a stored query (or any .rq file) over the built graph
 * with Comunica, or over a remote SPARQL endpoint, in a W3C results format or as a table.
 */
import { parse } from '../cli.js';
import { UserError } from '../errors.js';
import { loadQueryStore } from '../graph/load.js';
import { run, type Source } from '../query/engine.js';
import { formatBoolean, formatSelect, type ResultFormat } from '../query/results.js';
import { bindParams, getQuery, listQueries, type StoredQuery } from '../query/stored-queries.js';
import { serializeQuads } from '../export/rdf-writer.js';
import { toJsonLd } from '../export/jsonld.js';

const FORMATS = ['table', 'json', 'csv', 'tsv', 'turtle', 'jsonld'] as const;
type Format = (typeof FORMATS)[number];

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

/** Answers one stored query and returns its output in a format. */
export async function answer(q: StoredQuery, params: Record<string, string>, source: Source, format: Format): Promise<string> {
  const text = bindParams(q, params);
  const result = await run(text, source, q.path);
  if (result.type === 'bindings') {
    if (format === 'turtle' || format === 'jsonld') throw new UserError(`--format ${format}: "${q.name}" is a SELECT query; use table, json, csv or tsv`, { exitCode: 2 });
    return formatSelect(result, format as ResultFormat);
  }
  if (result.type === 'boolean') return formatBoolean(result.value, (format === 'turtle' || format === 'jsonld' ? 'table' : format) as ResultFormat);
  if (format === 'jsonld') return toJsonLd(result.quads);
  if (format === 'turtle' || format === 'table') return serializeQuads(result.quads, 'turtle');
  throw new UserError(`--format ${format}: "${q.name}" is a CONSTRUCT query; use turtle or jsonld`, { exitCode: 2 });
}

export function listing(): string {
  const lines: string[] = [];
  for (const q of listQueries()) {
    lines.push(`${q.name}\n    ${q.title}`);
    for (const p of q.params) lines.push(`    --param ${p.name}=<${p.type}>${p.default ? ` (default ${p.default})` : ''}  ${p.description}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function queryCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('query', argv, {
    param: { type: 'string', multiple: true, short: 'p' },
    format: { type: 'string', short: 'f', default: 'table' },
    graph: { type: 'string', default: 'data/graph.trig' },
    endpoint: { type: 'string' },
    list: { type: 'boolean' },
  }, 1);
  if (values.help) {
    process.stdout.write('Usage: diplograph query <name|file.rq> [--param NAME=VALUE ...] [--format table|json|csv|tsv|turtle|jsonld] [--graph FILE | --endpoint URL]\n       diplograph query --list\n');
    return 0;
  }
  if (values.list) {
    process.stdout.write(listing());
    return 0;
  }
  const [name] = positionals;
  if (!name) throw new UserError('query: give a stored query name or a .rq file (diplograph query --list shows the stored queries)', { exitCode: 2 });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UserError(`--format: unknown format "${format}" (use ${FORMATS.join(', ')})`, { exitCode: 2 });
  const q = getQuery(name);
  const params = parseParams((values.param as string[] | undefined) ?? []);
  bindParams(q, params); // check the parameters before loading anything
  let source: Source;
  if (values.endpoint) {
    const endpoint = values.endpoint as string;
    if (!/^https?:\/\/\S+$/.test(endpoint)) throw new UserError(`--endpoint: "${endpoint}" is not an http(s) URL`, { exitCode: 2 });
    source = { endpoint };
  } else source = loadQueryStore(values.graph as string);
  process.stdout.write(await answer(q, params, source, format));
  return 0;
}
