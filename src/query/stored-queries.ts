/**
 * The stored queries of queries/: one analyst's question per `.rq` file, with a header
 *
 *     # title: Timeline of meetings
 *     # description: Every meeting with its date, kind, partners and place.
 *     # param: partner iri default=country/france — the partner country or organization
 *
 * Parameters are bound as RDF terms in a VALUES block added to the parsed query, never pasted into
 * the query text.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type * as RDF from '@rdfjs/types';
import { Generator, Parser as SparqlParser, type SparqlQuery } from 'sparqljs';
import { UserError } from '../errors.js';
import { projectRoot } from '../ontology-files.js';
import { DEFAULT_BASE, PREFIXES, XSD, factory } from '../vocab.js';
import { syntaxError } from './engine.js';

export type ParamType = 'iri' | 'string' | 'langString' | 'date' | 'integer';

export interface QueryParam {
  name: string;
  type: ParamType;
  default?: string;
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

const TYPES: ParamType[] = ['iri', 'string', 'langString', 'date', 'integer'];

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
        const p = /^(\w+)\s+(\w+)(?:\s+default=(\S+))?(?:\s+[—-]+\s+(.*))?$/.exec(value);
        if (!p || !TYPES.includes(p[2] as ParamType)) {
          throw new UserError(`${path}: line ${i + 1}: a parameter is declared as "# param: NAME TYPE [default=VALUE] — description" with TYPE one of ${TYPES.join(', ')}`);
        }
        q.params.push({ name: p[1], type: p[2] as ParamType, default: p[3], description: p[4] ?? '' });
        last = undefined;
      } else {
        q[key as 'title' | 'description'] = value.trim();
        last = key as 'title' | 'description';
      }
    } else if (last && body.trim()) {
      q[last] += ` ${body.trim()}`;
    }
  }
  return q;
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
    throw new UserError(`unknown stored query "${nameOrPath}"; the stored queries are: ${all.map((q) => q.name).join(', ')}`);
  }
  return found;
}

/** A parameter value as an RDF term of its declared type. */
export function paramTerm(p: QueryParam, value: string): RDF.NamedNode | RDF.Literal {
  const bad = (expected: string) => new UserError(`parameter "${p.name}": "${value}" is not ${expected}`);
  switch (p.type) {
    case 'iri': {
      let iri = value.replace(/^<(.*)>$/, '$1');
      const prefixed = /^([A-Za-z][\w-]*):(.*)$/.exec(iri);
      if (prefixed && PREFIXES[prefixed[1]] && !iri.startsWith('http')) iri = PREFIXES[prefixed[1]] + prefixed[2];
      else if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(iri)) iri = DEFAULT_BASE + iri.replace(/^\/+/, '');
      if (/[\s<>"{}|\\^`]/.test(iri)) throw bad('an IRI (no spaces, quotes or angle brackets)');
      return factory.namedNode(iri);
    }
    case 'string':
      return factory.literal(value);
    case 'langString':
      return factory.literal(value, 'en');
    case 'date': {
      const d = new Date(`${value}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw bad('a date (YYYY-MM-DD)');
      return factory.literal(value, XSD.date);
    }
    case 'integer':
      if (!/^[+-]?\d+$/.test(value)) throw bad('an integer');
      return factory.literal(String(Number(value)), XSD.integer);
  }
}

/**
 * The query text with its parameters bound: given values (NAME=VALUE) or defaults, checked and turned
 * into RDF terms, in a VALUES block at the top of the WHERE clause.
 */
export function bindParams(q: StoredQuery, given: Record<string, string>): string {
  for (const name of Object.keys(given)) {
    if (!q.params.some((p) => p.name === name)) {
      const known = q.params.length ? `its parameters are: ${q.params.map((p) => p.name).join(', ')}` : 'it takes no parameters';
      throw new UserError(`query "${q.name}" has no parameter "${name}"; ${known}`);
    }
  }
  let parsed: SparqlQuery;
  try {
    parsed = new SparqlParser().parse(q.text) as SparqlQuery;
  } catch (error) {
    throw syntaxError(error, q.path);
  }
  if (parsed.type !== 'query') throw new UserError(`${q.path}: SPARQL Update is not allowed in a stored query`);
  const row: Record<string, RDF.NamedNode | RDF.Literal> = {};
  for (const p of q.params) {
    const value = given[p.name] ?? p.default;
    if (value === undefined) throw new UserError(`query "${q.name}" needs the parameter "${p.name}" (${p.type}): give --param ${p.name}=VALUE`);
    row[`?${p.name}`] = paramTerm(p, value);
  }
  if (!q.params.length) return q.text;
  parsed.where = [{ type: 'values', values: [row as never] }, ...(parsed.where ?? [])];
  return new Generator({ prefixes: parsed.prefixes }).stringify(parsed);
}
