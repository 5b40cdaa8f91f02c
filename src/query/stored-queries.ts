/**
 * The stored queries of queries/: one analyst's question per `.rq` file, with a header
 *
 *     # title: Timeline of meetings
 *     # description: Every meeting with its date, kind, partners and place,
 *     #   in time order.
 *     # param: partner iri default=country/france — the partner country or organization
 *     # param: predicate iri optional — only facts with this predicate
 *
 * TYPE is one of iri, string, langString(TAG) (e.g. langString(en)), date, integer.
 *
 * The parameters' defaults are in the query itself, so that the file runs as it is in any SPARQL tool
 * (Jena ARQ, Virtuoso, YASGUI) with the answer `diplograph query NAME` gives: a VALUES block of one row
 * in the outer group, over parameters only, `UNDEF` for an optional one:
 *
 *     VALUES (?partner ?from) { (<https://w3id.org/diplograph/id/country/france> UNDEF) }
 *
 * `diplograph query` takes that block out and binds the values given, or those defaults, instead. (A
 * file without such a block may give a default in its header, `default=VALUE` or `default="two words"`,
 * or say `optional`; a parameter with neither is required.)
 *
 * Parameters are bound as RDF terms in the parsed query, never pasted into the query text:
 * a bound parameter becomes a constant where the query uses it (or, where a constant cannot stand for
 * it, a VALUES row at the top of the WHERE clause), and an unbound optional one an UNDEF in VALUES. So
 * a parameter must be used in the query's outer group (a sub-SELECT does not see it).
 *
 * @example
 * const q = getQuery('meeting-participants');
 * const text = bindParams(q, { meeting: 'meeting/003_99a181e7a6755caf-1' });
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type * as RDF from '@rdfjs/types';
import { Generator, Parser as SparqlParser, type SparqlQuery } from 'sparqljs';
import { UserError } from '../errors.js';
import { projectRoot } from '../ontology-files.js';
import { didYouMean } from '../suggest.js';
import { DEFAULT_BASE, PREFIXES, XSD, factory } from '../vocab.js';
import { syntaxError } from './engine.js';

export type ParamType = 'iri' | 'actor' | 'meeting' | 'area' | 'string' | 'langString' | 'date' | 'integer';

export interface QueryParam {
  name: string;
  type: ParamType;
  /** The language tag of a langString parameter (`langString(en)`). */
  language?: string;
  /** The default as the user would give it (a path under the base for an IRI under it, a literal's text). */
  default?: string;
  /** The default as the query's VALUES block gives it. */
  defaultTerm?: RDF.NamedNode | RDF.Literal;
  /** Left unbound (UNDEF) when no value is given. */
  optional?: boolean;
  description: string;
}

export interface StoredQuery {
  /** The file name without `.rq`. */
  name: string;
  path: string;
  title: string;
  description: string;
  params: QueryParam[];
  text: string;
}

const TYPES: ParamType[] = ['iri', 'actor', 'meeting', 'area', 'string', 'langString', 'date', 'integer'];
const PARAM_SYNTAX = '"# param: NAME TYPE [default=VALUE | optional] — description" with TYPE one of iri, actor, meeting, area, string, langString(TAG), date, integer';
/** The types whose values are IRIs: any node, or an actor, a meeting, a cooperation area (which may be given by name: names.ts). */
const IRI_TYPES: ParamType[] = ['iri', 'actor', 'meeting', 'area'];

/** The folder of stored queries. */
export function queriesDir(): string {
  return join(projectRoot(), 'queries');
}

/** Reads the header of a query file. */
export function parseHeader(text: string, path: string): StoredQuery {
  const q: StoredQuery = { name: basename(path).replace(/\.rq$/, ''), path, title: '', description: '', params: [], text };
  let last: 'title' | 'description' | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^#\s?(.*)$/.exec(lines[i]);
    if (!m) break;
    const body = m[1];
    const field = /^(title|description|param):\s*(.*)$/.exec(body);
    if (field) {
      const [, key, value] = field;
      if (key === 'param') {
        const p = /^(\w+)\s+(\w+)(?:\(([A-Za-z]+(?:-[A-Za-z0-9]+)*)\))?(?:\s+(?:default=(?:"([^"]*)"|(\S+))|(optional)))?(?:\s+(?:—|-{1,2})\s*(.*))?$/.exec(value.trim());
        const type = p?.[2] as ParamType;
        if (!p || !TYPES.includes(type) || (p[3] !== undefined) !== (type === 'langString')) {
          throw new UserError(`${path}: line ${i + 1}: a parameter is declared as ${PARAM_SYNTAX}`);
        }
        const param: QueryParam = { name: p[1], type, default: p[4] ?? p[5], description: (p[7] ?? '').trim() };
        if (p[3]) param.language = p[3].toLowerCase();
        if (p[6]) param.optional = true;
        if (q.params.some((x) => x.name === param.name)) throw new UserError(`${path}: line ${i + 1}: the parameter "${param.name}" is declared twice`);
        q.params.push(param);
        last = undefined;
      } else {
        q[key as 'title' | 'description'] = value.trim();
        last = key as 'title' | 'description';
      }
    } else if (last && body.trim()) {
      q[last] += ` ${body.trim()}`;
    }
  }
  readDefaults(q);
  return q;
}

type Pattern = { type: string; values?: Array<Record<string, RDF.Term | undefined>> };

/**
 * The VALUES block of a query's outer group that holds its parameters' defaults: one row, over
 * parameters only. Its index in `where`, or -1.
 */
function defaultsIndex(where: Pattern[] | undefined, params: QueryParam[]): number {
  return (where ?? []).findIndex((p) => p.type === 'values' && p.values?.length === 1 && Object.keys(p.values[0]).length > 0 &&
    Object.keys(p.values[0]).every((v) => params.some((x) => `?${x.name}` === v)));
}

/** Whether a term is of a parameter's type: the check of a default that a VALUES block gives. */
function ofType(p: QueryParam, t: RDF.Term): boolean {
  if (IRI_TYPES.includes(p.type)) return t.termType === 'NamedNode';
  if (t.termType !== 'Literal') return false;
  if (p.type === 'langString') return t.language === (p.language ?? 'en');
  const datatype = ({ string: XSD.string, date: XSD.date, integer: XSD.integer } as Record<string, RDF.NamedNode>)[p.type];
  return t.language === '' && t.datatype.equals(datatype);
}

/** The text of a default as a user would give it: an IRI under the base as its path, a literal's text. */
function asGiven(t: RDF.Term): string {
  return t.termType === 'NamedNode' && t.value.startsWith(DEFAULT_BASE) ? t.value.slice(DEFAULT_BASE.length) : t.value;
}

/** Reads the defaults of the query's VALUES block into its parameters (see the module's comment). */
function readDefaults(q: StoredQuery): void {
  if (!q.params.length) return;
  let parsed: { where?: Pattern[] };
  try {
    parsed = new SparqlParser().parse(q.text) as unknown as { where?: Pattern[] };
  } catch {
    return; // bindParams reports the syntax error, with its line and column
  }
  const i = defaultsIndex(parsed.where, q.params);
  if (i < 0) return;
  const row = parsed.where![i].values![0];
  for (const p of q.params) {
    const key = `?${p.name}`;
    if (!(key in row)) continue;
    if (p.default !== undefined || p.optional) throw new UserError(`${q.path}: the parameter "${p.name}" has a default in its header and in the VALUES block; give it in the VALUES block only`);
    const t = row[key];
    if (t === undefined) p.optional = true;
    else if (!ofType(p, t) || (t.termType !== 'NamedNode' && t.termType !== 'Literal')) {
      throw new UserError(`${q.path}: the default of the parameter "${p.name}" in the VALUES block is not ${p.type === 'langString' ? `a langString(${p.language})` : `of type ${p.type}`}`);
    } else {
      p.defaultTerm = t;
      p.default = asGiven(t);
    }
  }
}

/** All stored queries, by name. */
export function listQueries(dir = queriesDir()): StoredQuery[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rq'))
    .sort()
    .map((f) => parseHeader(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
}

/** A stored query by name, or any `.rq` file by path. */
export function getQuery(nameOrPath: string, dir = queriesDir()): StoredQuery {
  if (nameOrPath.endsWith('.rq') || nameOrPath.includes('/')) {
    if (!existsSync(nameOrPath)) throw new UserError(`${nameOrPath}: no such query file`);
    return parseHeader(readFileSync(nameOrPath, 'utf8'), nameOrPath);
  }
  const all = listQueries(dir);
  const found = all.find((q) => q.name === nameOrPath);
  if (!found) {
    throw new UserError(`unknown stored query "${nameOrPath}"${didYouMean(nameOrPath, all.map((q) => q.name))}; the stored queries are: ${all.map((q) => q.name).join(', ')}`);
  }
  return found;
}

/** A parameter value as an RDF term of its declared type. */
export function paramTerm(p: QueryParam, value: string): RDF.NamedNode | RDF.Literal {
  const bad = (expected: string) => new UserError(`parameter "${p.name}": "${value}" is not ${expected}`);
  switch (p.type) {
    case 'iri':
    case 'actor':
    case 'meeting':
    case 'area': {
      let iri = value.replace(/^<(.*)>$/, '$1');
      const scheme = /^([A-Za-z][\w.-]*):/.exec(iri)?.[1];
      if (scheme !== undefined && PREFIXES[scheme] !== undefined) iri = PREFIXES[scheme] + iri.slice(scheme.length + 1);
      else if (scheme === undefined) iri = DEFAULT_BASE + iri.replace(/^\/+/, '');
      else if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(iri) && !/^(urn|mailto|tag|did):/i.test(iri)) {
        throw bad(`an IRI: "${scheme}:" is neither a known prefix (${Object.keys(PREFIXES).join(', ')}) nor a URL scheme`);
      }
      if (/[\s<>"{}|\\^`]/.test(iri)) throw bad('an IRI (no spaces, quotes or angle brackets)');
      return factory.namedNode(iri);
    }
    case 'string':
      return factory.literal(value);
    case 'langString':
      return factory.literal(value, p.language ?? 'en');
    case 'date': {
      const d = new Date(`${value}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw bad('a date (YYYY-MM-DD)');
      return factory.literal(value, XSD.date);
    }
    case 'integer':
      if (!/^[+-]?\d+$/.test(value)) throw bad('an integer');
      return factory.literal(BigInt(value).toString(), XSD.integer);
  }
}

/**
 * The query text with its parameters bound: given values (NAME=VALUE) or defaults, checked and turned
 * into RDF terms, then put in as constants where the query uses them; a parameter without a value, or
 * one a constant cannot stand for, goes into a VALUES block at the top of the WHERE clause instead.
 * `inline: false` puts every parameter in the VALUES block (the same answers; for comparison).
 */
export function bindParams(q: StoredQuery, given: Record<string, string>, options: { inline?: boolean } = {}): string {
  for (const name of Object.keys(given)) {
    if (!q.params.some((p) => p.name === name)) {
      const known = q.params.length ? `its parameters are: ${q.params.map((p) => p.name).join(', ')}` : 'it takes no parameters';
      throw new UserError(`query "${q.name}" has no parameter "${name}"${didYouMean(name, q.params.map((p) => p.name))}; ${known}`);
    }
  }
  let parsed: SparqlQuery;
  try {
    parsed = new SparqlParser().parse(q.text) as SparqlQuery;
  } catch (error) {
    throw syntaxError(error, q.path, q.text);
  }
  if (parsed.type !== 'query') throw new UserError(`${q.path}: SPARQL Update is not allowed in a stored query`);
  if (!q.params.length) return q.text;
  const row: Record<string, RDF.NamedNode | RDF.Literal | undefined> = {};
  let query = parsed as unknown as Record<string, unknown>;
  // The defaults' VALUES block is replaced by the values bound here.
  const defaults = defaultsIndex(query.where as Pattern[], q.params);
  if (defaults >= 0) query = { ...query, where: (query.where as Pattern[]).filter((_, i) => i !== defaults) };
  for (const p of q.params) {
    const value = given[p.name];
    if (value === undefined && p.default === undefined && !p.optional) throw new UserError(`query "${q.name}" needs the parameter "${p.name}" (${p.type}): give --param ${p.name}=VALUE`);
    const term = value !== undefined ? paramTerm(p, value) : p.defaultTerm ?? (p.default === undefined ? undefined : paramTerm(p, p.default));
    const replaced = term && options.inline !== false ? substituted(query, p.name, term) : undefined;
    if (replaced) query = replaced;
    else row[`?${p.name}`] = term;
  }
  if (Object.keys(row).length) query.where = [{ type: 'values', values: [row] }, ...((query.where as unknown[]) ?? [])];
  return new Generator({ prefixes: parsed.prefixes }).stringify(query as unknown as SparqlQuery);
}

/*
 * A bound parameter becomes a constant in the query wherever the query uses it, rather than a VALUES row
 * joined at the top: the two give the same solutions, and the engine plans with the constant. (Comunica
 * evaluates an OPTIONAL whose FILTER names an outer variable, such as `?partner != ?home`, by a bind join
 * that re-plans the optional part once per solution; with the constant the filter is the optional part's
 * own and the OPTIONAL becomes a hash join: meetings-timeline at 100k quads, 1.2 s -> 0.3 s.) Where the
 * constant cannot stand for the variable, the parameter stays in VALUES: see {@link KeepAsValues}.
 */

/**
 * Thrown where `?name` cannot be replaced by its value without changing the query: it is projected
 * (or `SELECT *`), the only group key or inside a group key's expression, the target of a BIND or a
 * VALUES, the argument of BOUND(), projected by a sub-SELECT that does not bind it in every row, or a
 * literal value would stand as a predicate or graph name.
 */
class KeepAsValues extends Error {}

function isVariable(x: unknown, name: string): boolean {
  return typeof x === 'object' && x !== null && (x as RDF.Term).termType === 'Variable' && (x as RDF.Variable).value === name;
}

/** Whether a projection lists `?name`, alone or as `(expr AS ?name)`, or is `*`. */
function projects(variables: unknown, name: string): boolean {
  return Array.isArray(variables) && variables.some((v) => isVariable(v, name) || isVariable((v as { variable?: unknown }).variable, name) || (v as { termType?: string }).termType === 'Wildcard');
}

/** The parsed query with `?name` replaced by `term`, or undefined where it must stay a variable. */
function substituted(query: Record<string, unknown>, name: string, term: RDF.NamedNode | RDF.Literal, sub = false): Record<string, unknown> | undefined {
  if (sub) {
    // A sub-SELECT that projects ?name joins on it. Where every one of its rows binds ?name (it is the
    // subject or object of one of the sub-SELECT's own triple patterns), joining with the constant keeps
    // the rows that have it: the same as the sub-SELECT with the constant in, which no longer projects it.
    const variables = query.variables as unknown[];
    const required = ((query.where as Array<{ type: string; triples?: Array<{ subject: unknown; object: unknown }> }>) ?? [])
      .some((p) => p.type === 'bgp' && (p.triples ?? []).some((t) => isVariable(t.subject, name) || isVariable(t.object, name)));
    const rest = variables.filter((v) => !isVariable(v, name));
    if (!required || rest.length !== variables.length - 1 || !rest.length || projects(rest, name)) return undefined;
    query = { ...query, variables: rest };
  } else if (projects(query.variables, name)) return undefined;
  // Grouping on a constant as well as on other keys makes the same groups: the key is dropped. (Stored
  // queries group on a parameter so that HAVING may use it, as actors-by-meetings does with ?minimum.)
  const group = query.group as Array<{ expression: unknown; variable?: unknown }> | undefined;
  const keys = group?.filter((g) => !(isVariable(g.expression, name) && g.variable === undefined));
  if (group && keys && keys.length < group.length) {
    if (!keys.length) return undefined;
    query = { ...query, group: keys };
  }
  if (JSON.stringify(query.group ?? []).includes(`"value":${JSON.stringify(name)}`)) return undefined;
  try {
    return replaceIn(query, name, term, undefined, true) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof KeepAsValues) return undefined;
    throw error;
  }
}

/**
 * A copy of `node` (a part of a parsed query) with `?name` replaced by `term` in triple patterns, paths,
 * GRAPH names, expressions (FILTER, BIND, EXISTS, ORDER BY, HAVING, aggregates) and CONSTRUCT templates.
 * A sub-SELECT that does not project `?name` is left as it is: its `?name` is another variable; one that
 * projects it gets the constant too, where that keeps its answers (see {@link substituted}).
 */
function replaceIn(node: unknown, name: string, term: RDF.NamedNode | RDF.Literal, position: 'predicate' | 'graph' | undefined, top = false): unknown {
  if (Array.isArray(node)) return node.map((x) => replaceIn(x, name, term, position));
  if (typeof node !== 'object' || node === null) return node;
  if (isVariable(node, name)) {
    if (position && term.termType === 'Literal') throw new KeepAsValues();
    return term;
  }
  if ((node as RDF.Term).termType !== undefined) return node;
  const n = node as Record<string, unknown>;
  if (n.type === 'query' && !top) {
    if (!projects(n.variables, name)) return node;
    const inner = substituted(n, name, term, true);
    if (!inner) throw new KeepAsValues();
    return inner;
  }
  if (n.type === 'bind' && isVariable(n.variable, name)) throw new KeepAsValues();
  if (n.type === 'values' && JSON.stringify(n.values).includes(JSON.stringify(`?${name}`))) throw new KeepAsValues();
  if (n.type === 'operation' && n.operator === 'bound' && isVariable((n.args as unknown[])[0], name)) throw new KeepAsValues();
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(n)) {
    const at = key === 'predicate' || key === 'items' ? 'predicate' : key === 'name' && n.type === 'graph' ? 'graph' : position;
    out[key] = replaceIn(value, name, term, at);
  }
  return out;
}
