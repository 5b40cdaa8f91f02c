/**
 * What a query from the outside may not do on a public endpoint: make the server fetch other URLs.
 * SERVICE (a federated sub-query) would let anyone who reaches the endpoint send requests from the
 * server to any address, its own loopback and private network included; it is refused wherever it
 * stands in the query (nested groups, OPTIONAL, UNION, MINUS, sub-SELECTs, FILTER EXISTS).
 * SPARQL Update, LOAD among it, is refused by the engine's own check (`queryForm`).
 *
 * @example
 * refuseRemoteAccess('SELECT * { SERVICE <http://10.0.0.1/sparql> { ?s ?p ?o } }'); // throws UserError
 */
import { Parser as SparqlParser } from 'sparqljs';
import { UserError } from '../errors.js';

/** The IRIs of every SERVICE clause anywhere in a parsed query. */
export function serviceIris(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) serviceIris(n, out);
  } else if (node && typeof node === 'object') {
    const o = node as { type?: unknown; name?: { value?: unknown } };
    if (o.type === 'service') out.push(String(o.name?.value ?? '?'));
    for (const value of Object.values(node)) if (value && typeof value === 'object') serviceIris(value, out);
  }
  return out;
}

/** Throws a UserError if the query has a SERVICE clause. A query that does not parse is left to the engine's check. */
export function refuseRemoteAccess(query: string, name = 'query'): void {
  let parsed: unknown;
  try {
    parsed = new SparqlParser().parse(query);
  } catch {
    return;
  }
  const services = serviceIris(parsed);
  if (services.length) {
    throw new UserError(`${name}: SERVICE <${services[0]}> is not allowed here: this endpoint does not fetch other URLs (federate on the client side instead)`);
  }
}
