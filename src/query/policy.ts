/**
 * What a query from the outside may not do on a public endpoint: make the server fetch other URLs.
 * SERVICE (a federated sub-query) would let anyone who reaches the endpoint send requests from the
 * server to any address, its own loopback and private network included; it is refused wherever it
 * stands in the query (nested groups, OPTIONAL, UNION, MINUS, sub-SELECTs, FILTER EXISTS).
 * SPARQL Update, LOAD among it, is refused by the engine's own check (`queryForm`).
 *
 * The server refuses SERVICE twice: by its lexical screen on the main thread (src/server/query-screen.ts),
 * and here, in the query worker, on the parsed query. The walk is iterative: a parsed query may be
 * nested as deep as the text allows, and a recursive walk overflowed the stack.
 *
 * @example
 * refuseRemoteAccess('SELECT * { SERVICE <http://10.0.0.1/sparql> { ?s ?p ?o } }'); // throws UserError
 */
import { Parser as SparqlParser } from 'sparqljs';
import { UserError } from '../errors.js';

/** The IRIs of every SERVICE clause anywhere in a parsed query, in the order of the text. */
export function serviceIris(root: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    const o = node as { type?: unknown; name?: { value?: unknown } };
    if (o.type === 'service') out.push(String(o.name?.value ?? '?'));
    const values = Object.values(node);
    for (let i = values.length - 1; i >= 0; i--) if (values[i] && typeof values[i] === 'object') stack.push(values[i]);
  }
  return out;
}

/**
 * Throws a UserError if the query (its text, or as sparqljs parsed it) has a SERVICE clause. A text
 * that does not parse is left to the engine's check.
 */
export function refuseRemoteAccess(query: string | object, name = 'query'): void {
  let parsed: unknown = query;
  if (typeof query === 'string') {
    try {
      parsed = new SparqlParser().parse(query);
    } catch {
      return;
    }
  }
  const services = serviceIris(parsed);
  if (services.length) {
    throw new UserError(`${name}: SERVICE <${services[0]}> is not allowed here: this endpoint does not fetch other URLs (federate on the client side instead)`);
  }
}
