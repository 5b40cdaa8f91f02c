/**
 * Reads the catalog graph that `diplograph push` writes (`<base>graph/dataset`, an sd:Dataset with its
 * sd:defaultGraph and sd:namedGraph), to query exactly the pushed dataset: the union graph as
 * `default-graph-uri` and the article graphs as `named-graph-uri`.
 *
 * @example
 * const source = await datasetAt('http://127.0.0.1:8890/sparql', 'https://w3id.org/diplograph/id/graph/dataset');
 * // { endpoint, defaultGraphs: ['https://w3id.org/diplograph/id/graph/default'], namedGraphs: [...article IRIs] }
 */
import { UserError, messageOf } from '../errors.js';
import type { Endpoint } from '../query/engine.js';
import { SD } from '../vocab.js';
import { HttpClient } from './http.js';

/** The dataset a catalog describes at an endpoint, or undefined when the endpoint has no such catalog. */
export async function readCatalog(endpoint: string, catalog: string, http = new HttpClient()): Promise<Endpoint | undefined> {
  const query = `SELECT ?p ?g WHERE { GRAPH <${catalog}> { <${catalog}> ?p ?g } FILTER(?p = <${SD.defaultGraph.value}> || ?p = <${SD.namedGraph.value}>) }`;
  const r = await http.request('POST', endpoint, { body: new URLSearchParams({ query }).toString(), contentType: 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json', what: `reading the dataset catalog <${catalog}>` });
  let rows: Array<{ p: { value: string }; g: { value: string } }>;
  try {
    rows = (JSON.parse(r.text) as { results: { bindings: typeof rows } }).results.bindings;
  } catch (error) {
    throw new UserError(`${endpoint}: not a SPARQL query endpoint (its answer is not SPARQL JSON results: ${messageOf(error)})`, { cause: error });
  }
  if (!rows.length) return undefined;
  const of = (p: string) => rows.filter((b) => b.p.value === p).map((b) => b.g.value).sort();
  return { endpoint, defaultGraphs: of(SD.defaultGraph.value), namedGraphs: of(SD.namedGraph.value) };
}

/** Like readCatalog, but a missing catalog is a UserError that says to push first. */
export async function datasetAt(endpoint: string, catalog: string): Promise<Endpoint> {
  const found = await readCatalog(endpoint, catalog);
  if (!found) throw new UserError(`--dataset: ${endpoint} has no dataset catalog <${catalog}> (run diplograph push first, or check --graph-base)`);
  return found;
}
