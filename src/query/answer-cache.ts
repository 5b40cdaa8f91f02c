/**
 * Answers kept for an unchanged graph. `diplograph query` looks an answer up by (the SHA-256 of the
 * graph file's bytes, the exact query text with its parameters bound) before loading the graph or
 * the engine, so that a repeated question is answered in milliseconds; a fresh answer is stored.
 *
 * The entries live beside the graph: `DIR/.cache/answers/FILE/GRAPH-HASH/KEY.json` for the graph
 * `DIR/FILE`. An entry records the graph's hash and the whole query text and is used only when both
 * match (a hash collision of the key cannot return another query's answer). When the graph changes,
 * its hash changes: the old entries are never read again, and the folder of the previous hash is
 * removed when the first answer for the new graph is stored. Entries are written atomically.
 *
 * @example
 * const hit = cachedAnswer('data/graph.trig', text);
 * const result = hit?.result ?? (await run(text, store));
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type * as RDF from '@rdfjs/types';
import { writeFileAtomic } from '../io.js';
import { factory } from '../vocab.js';
import type { QueryResult, Row } from './engine.js';

/** A term in an entry: [kind, value, language or datatype]; kind u (IRI), b (blank node), l (literal), d (default graph). */
type CachedTerm = [string, string, string?];

interface Entry {
  graph: string;
  query: string;
  type: QueryResult['type'];
  variables?: string[];
  rows?: Array<Record<string, CachedTerm>>;
  value?: boolean;
  quads?: CachedTerm[][];
}

/** A cached answer and the file it came from. */
export interface CacheHit {
  result: QueryResult;
  file: string;
}

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** The SHA-256 of a file's bytes, as hex. */
export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The folder of the entries of a graph file (all hashes). */
export function cacheRoot(graphPath: string): string {
  return join(dirname(graphPath), '.cache', 'answers', basename(graphPath));
}

function entryFile(graphPath: string, graphHash: string, query: string): string {
  const key = createHash('sha256').update(query).digest('hex').slice(0, 32);
  return join(cacheRoot(graphPath), graphHash.slice(0, 32), `${key}.json`);
}

function encode(t: RDF.Term): CachedTerm {
  if (t.termType === 'NamedNode') return ['u', t.value];
  if (t.termType === 'BlankNode') return ['b', t.value];
  if (t.termType === 'DefaultGraph') return ['d', ''];
  const l = t as RDF.Literal;
  if (l.language) return ['l', l.value, `@${l.language}`];
  return l.datatype.value === XSD_STRING ? ['l', l.value] : ['l', l.value, l.datatype.value];
}

function decode([kind, value, extra]: CachedTerm): RDF.Term {
  if (kind === 'u') return factory.namedNode(value);
  if (kind === 'b') return factory.blankNode(value);
  if (kind === 'd') return factory.defaultGraph();
  if (extra?.startsWith('@')) return factory.literal(value, extra.slice(1));
  return factory.literal(value, extra ? factory.namedNode(extra) : undefined);
}

/** The entry of a result. */
function entryOf(graph: string, query: string, result: QueryResult): Entry {
  if (result.type === 'boolean') return { graph, query, type: 'boolean', value: result.value };
  if (result.type === 'quads') return { graph, query, type: 'quads', quads: result.quads.map((q) => [encode(q.subject), encode(q.predicate), encode(q.object), encode(q.graph)]) };
  const rows = result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([v, t]) => [v, encode(t)])));
  return { graph, query, type: 'bindings', variables: result.variables, rows };
}

function resultOf(e: Entry): QueryResult {
  if (e.type === 'boolean') return { type: 'boolean', value: !!e.value };
  if (e.type === 'quads') {
    return { type: 'quads', quads: (e.quads ?? []).map(([s, p, o, g]) => factory.quad(decode(s) as RDF.Quad_Subject, decode(p) as RDF.Quad_Predicate, decode(o) as RDF.Quad_Object, decode(g) as RDF.Quad_Graph)) };
  }
  const rows: Row[] = (e.rows ?? []).map((row) => Object.fromEntries(Object.entries(row).map(([v, t]) => [v, decode(t)])));
  return { type: 'bindings', variables: e.variables ?? [], rows };
}

/**
 * The stored answer to `query` over the graph file as it is now, or undefined. `graphHash` saves
 * hashing the file again. An unreadable or foreign entry is a miss.
 */
export function cachedAnswer(graphPath: string, query: string, graphHash = fileHash(graphPath)): CacheHit | undefined {
  const file = entryFile(graphPath, graphHash, query);
  if (!existsSync(file)) return undefined;
  try {
    const e = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    if (e.graph !== graphHash || e.query !== query) return undefined;
    return { result: resultOf(e), file };
  } catch {
    return undefined;
  }
}

/**
 * Stores the answer to `query` over the graph file whose hash is `graphHash`, and removes the entries
 * of any other version of that file. Returns the entry's path.
 */
export function storeAnswer(graphPath: string, query: string, result: QueryResult, graphHash = fileHash(graphPath)): string {
  const root = cacheRoot(graphPath);
  const current = graphHash.slice(0, 32);
  if (existsSync(root)) for (const old of readdirSync(root)) if (old !== current) rmSync(join(root, old), { recursive: true, force: true });
  const file = entryFile(graphPath, graphHash, query);
  writeFileAtomic(file, JSON.stringify(entryOf(graphHash, query, result)));
  return file;
}
