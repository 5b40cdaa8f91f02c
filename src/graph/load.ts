/**
 * Loads a graph file (Turtle, TriG, N-Triples, N-Quads) into an N3 store, with errors that name the
 * file and the line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Parser, Store, type Quad } from 'n3';
import { UserError, messageOf } from '../errors.js';

const FORMATS: Record<string, string> = { '.ttl': 'text/turtle', '.trig': 'application/trig', '.nt': 'application/n-triples', '.nq': 'application/n-quads' };

/** The N3.js format of a graph file, by extension. */
export function formatOf(path: string): string {
  const ext = /\.[^.]+$/.exec(path)?.[0].toLowerCase() ?? '';
  const f = FORMATS[ext];
  if (!f) throw new UserError(`${path}: unknown graph file type "${ext}" (use .ttl, .trig, .nt or .nq)`);
  return f;
}

/** Parses RDF text into quads; a syntax error names `where` and the line. */
export function parseRdf(text: string, format: string, where: string, baseIRI?: string) {
  try {
    return new Parser({ format, baseIRI }).parse(text);
  } catch (error) {
    const line = (error as { context?: { line?: number } }).context?.line;
    const msg = messageOf(error).replace(/ on line \d+\.?$/, '');
    throw new UserError(`${where}${line ? `: line ${line}` : ''}: malformed RDF: ${msg}`, { cause: error });
  }
}

/**
 * Reads a graph file into a store, as it is (named graphs kept). A syntax error is a UserError such as
 * `data/graph.trig: line 3: malformed RDF: ...`.
 *
 * @example
 * const store = loadStore('data/graph.trig');
 * const { rows } = await select(text, store); // the default graph is the union of the articles' graphs
 */
export function loadStore(path: string): Store {
  return new Store(readGraphFile(path));
}

/** The quads of a graph file. */
export function readGraphFile(path: string): Quad[] {
  if (!existsSync(path)) throw new UserError(`${path}: no such graph file (run \`diplograph build\` first, or give --graph)`);
  return parseRdf(readFileSync(path, 'utf8'), formatOf(path), path);
}
