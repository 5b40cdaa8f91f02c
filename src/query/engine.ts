/**
 * The one module that talks to Comunica. One QueryEngine, built once, answers SPARQL over a local
 * N3 store (see graph/load.ts queryStore: its default graph is the merge of the named graphs) or over
 * a remote SPARQL endpoint.
 * Malformed queries and engine failures become readable UserErrors; the original stays as `cause`.
 *
 * @example
 * const { variables, rows } = await select('SELECT ?s WHERE { ?s a dg:Person }', store);
 */
import type * as RDF from '@rdfjs/types';
import type { Store } from 'n3';
import { Parser as SparqlParser } from 'sparqljs';
import { UserError, messageOf } from '../errors.js';

/** Where a query runs: an in-memory store, or a SPARQL 1.1 endpoint. */
export type Source = Store | { endpoint: string };

export type Row = Record<string, RDF.Term | undefined>;

export interface SelectResult {
  variables: string[];
  rows: Row[];
}

export type QueryResult =
  | ({ type: 'bindings' } & SelectResult)
  | { type: 'boolean'; value: boolean }
  | { type: 'quads'; quads: RDF.Quad[] };

export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

type Engine = import('@comunica/query-sparql').QueryEngine;
let engine: Promise<Engine> | undefined;

/** The engine, created on first use (loading Comunica takes a moment, so only commands that query pay for it). */
function getEngine(): Promise<Engine> {
  engine ??= import('@comunica/query-sparql').then((m) => new m.QueryEngine());
  return engine;
}

function context(source: Source): Record<string, unknown> {
  if ('endpoint' in source && typeof source.endpoint === 'string') {
    return { sources: [{ type: 'sparql', value: source.endpoint }] };
  }
  return { sources: [source] };
}

/**
 * Checks a query's syntax and returns its form. `where` names the query in messages (a file name).
 * A syntax error becomes `where: line L, column C: message`.
 */
export function queryForm(query: string, where = 'query'): QueryForm {
  let parsed;
  try {
    parsed = new SparqlParser().parse(query);
  } catch (error) {
    throw syntaxError(error, where);
  }
  if (parsed.type === 'update') throw new UserError(`${where}: SPARQL Update is not allowed here; only SELECT, ASK, CONSTRUCT and DESCRIBE`);
  return parsed.queryType as QueryForm;
}

/** A sparqljs parse error as "where: line L, column C: what was expected". */
export function syntaxError(error: unknown, where: string): UserError {
  const e = error as { message?: string; hash?: { loc?: { first_line: number; first_column: number }; line?: number; expected?: string[]; text?: string } };
  const loc = e.hash?.loc;
  const line = loc ? loc.first_line : (e.hash?.line ?? 0) + 1;
  const column = loc ? loc.first_column + 1 : undefined;
  const first = (e.message ?? String(error)).split('\n')[0].replace(/^Parse error on line \d+:?\s*/, '');
  const expected = e.hash?.expected?.length ? `expected ${e.hash.expected.slice(0, 6).join(', ')}${e.hash.expected.length > 6 ? ', ...' : ''}` : '';
  const got = e.hash?.text !== undefined ? ` but found "${e.hash.text}"` : '';
  const what = expected ? `${expected}${got}` : first;
  return new UserError(`${where}: line ${line}${column ? `, column ${column}` : ''}: SPARQL syntax error: ${what}`, { cause: error });
}

function engineError(error: unknown, source: Source): UserError {
  const msg = messageOf(error);
  if ('endpoint' in source && typeof source.endpoint === 'string') {
    const reason = /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT/.test(msg) ? 'the endpoint cannot be reached' : msg.replace(/mediated over all rejecting actors:?/i, '').slice(0, 300);
    return new UserError(`SPARQL endpoint ${source.endpoint}: ${reason}`, { cause: error });
  }
  return new UserError(`the query failed: ${msg.replace(/mediated over all rejecting actors:?/i, '').slice(0, 300)}`, { cause: error });
}

/** Runs a SELECT query. */
export async function select(query: string, source: Source, where = 'query'): Promise<SelectResult> {
  queryForm(query, where);
  const e = await getEngine();
  try {
    const result = await e.query(query, context(source) as never);
    if (result.resultType !== 'bindings') throw new UserError(`${where}: not a SELECT query`);
    const meta = await result.metadata();
    const variables = (meta.variables as unknown as Array<RDF.Variable | { variable: RDF.Variable }>).map((v) => ("variable" in v ? v.variable : v).value);
    const rows: Row[] = [];
    for (const b of await (await result.execute()).toArray()) {
      const row: Row = {};
      for (const v of variables) row[v] = b.get(v);
      rows.push(row);
    }
    return { variables, rows };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw engineError(error, source);
  }
}

/** Runs an ASK query. */
export async function ask(query: string, source: Source, where = 'query'): Promise<boolean> {
  queryForm(query, where);
  const e = await getEngine();
  try {
    return await e.queryBoolean(query, context(source) as never);
  } catch (error) {
    throw engineError(error, source);
  }
}

/** Runs a CONSTRUCT or DESCRIBE query. */
export async function construct(query: string, source: Source, where = 'query'): Promise<RDF.Quad[]> {
  queryForm(query, where);
  const e = await getEngine();
  try {
    return await (await e.queryQuads(query, context(source) as never)).toArray();
  } catch (error) {
    throw engineError(error, source);
  }
}

/** Runs a query of any read form. */
export async function run(query: string, source: Source, where = 'query'): Promise<QueryResult> {
  const form = queryForm(query, where);
  if (form === 'SELECT') return { type: 'bindings', ...(await select(query, source, where)) };
  if (form === 'ASK') return { type: 'boolean', value: await ask(query, source, where) };
  return { type: 'quads', quads: await construct(query, source, where) };
}
