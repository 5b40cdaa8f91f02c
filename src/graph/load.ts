/**
 * Loads a graph file (Turtle, TriG, N-Triples, N-Quads) into an N3 store, with errors that name the
 * file and the line.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { Parser, Store, type Quad } from 'n3';
import { UserError, messageOf } from '../errors.js';
import { NativeGraph } from '../query/native-graph.js';
import { NativeStoreBuilder } from '../query/native-store.js';

const FORMATS: Record<string, string> = { '.ttl': 'text/turtle', '.trig': 'application/trig', '.nt': 'application/n-triples', '.nq': 'application/n-quads' };

/** The N3.js format of a graph file, by extension. */
export function formatOf(path: string): string {
  const ext = /\.[^.]+$/.exec(path)?.[0].toLowerCase() ?? '';
  const f = FORMATS[ext];
  if (!f) throw new UserError(`${path}: unknown graph file type "${ext}" (use .ttl, .trig, .nt or .nq)`);
  return f;
}

/** A parser's error as a UserError that names `where` and the line. */
function malformed(error: unknown, where: string): UserError {
  const line = (error as { context?: { line?: number } }).context?.line;
  const msg = messageOf(error).replace(/ on line \d+\.?$/, '');
  return new UserError(`${where}${line ? `: line ${line}` : ''}: malformed RDF: ${msg}`, { cause: error });
}

/** Parses RDF text into quads; a syntax error names `where` and the line. */
export function parseRdf(text: string, format: string, where: string, baseIRI?: string) {
  try {
    return new Parser({ format, baseIRI }).parse(text);
  } catch (error) {
    throw malformed(error, where);
  }
}

/**
 * Parses RDF (text, or a stream of it) straight into a {@link NativeGraph}: each quad's terms are
 * numbered as N3's parser gives them, and no quad is kept. A syntax error names `where` and the line.
 */
export function parseGraph(input: string | NodeJS.ReadableStream, format: string, where: string): Promise<NativeGraph> {
  const builder = new NativeStoreBuilder();
  return new Promise((resolve, reject) => {
    let failed = false;
    (input as NodeJS.ReadableStream & { on?: unknown }).on?.('error' as never, ((error: Error) => {
      failed = true;
      reject(new UserError(`${where}: cannot be read: ${messageOf(error)}`, { cause: error }));
    }) as never);
    new Parser({ format }).parse(input as string, (error, quad) => {
      if (failed) return;
      if (error) {
        failed = true;
        reject(malformed(error, where));
      } else if (quad) builder.add(quad.subject, quad.predicate, quad.object, quad.graph);
      else resolve(new NativeGraph(builder.done()));
    });
  });
}

/**
 * Reads a graph file into a {@link NativeGraph} (the query engine's store, with an N3 Store's reading
 * API), streamed: neither the text nor its quads are held. Errors as {@link loadStore}'s.
 *
 * @example
 * const graph = await loadGraph('data/graph.trig');
 * const { rows } = await select(text, graph);
 */
export async function loadGraph(path: string): Promise<NativeGraph> {
  if (!existsSync(path)) throw new UserError(`${path}: no such graph file (run \`diplograph build\` first, or give --graph)`);
  const format = formatOf(path);
  return parseGraph(createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }), format, path);
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
