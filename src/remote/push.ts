/**
 * Uploads a planned push (see plan.ts) to a SPARQL store, so that queries never see a half-written graph:
 *
 * 1. Temporary graphs left by an earlier push that failed (`urn:diplograph:push:...`) are dropped.
 * 2. Every graph is uploaded to a temporary graph of its own, by the Graph Store Protocol (PUT, which
 *    replaces) or, without one, by SPARQL Update (DROP SILENT, then INSERT DATA in chunks), and its
 *    triple count is checked against the plan.
 * 3. Only when all temporaries are complete, each real graph is replaced by one `MOVE <tmp> TO <graph>`
 *    request (a single operation: readers see the old or the new graph, never a mix).
 *
 * 4. The catalog graph is replaced last; then the graphs that the previous catalog listed and this
 *    push does not write (articles no longer in the graph) are dropped.
 *
 * A failure in steps 1-2 changes nothing that was there before (the temporaries are dropped again).
 * A failure in step 3 (the server goes away during the swap) may leave some graphs replaced and the
 * others as they were, each one complete; the message says which, and pushing again finishes it.
 * Virtuoso does not roll back a multi-operation update request that fails half way, so the swap is
 * not sent as one request (that would give no stronger guarantee, and a less precise report).
 */
import { randomBytes } from 'node:crypto';
import type * as RDF from '@rdfjs/types';
import { Writer } from 'n3';
import { UserError, messageOf } from '../errors.js';
import { HttpClient, HttpStatusError, type Credentials } from './http.js';
import { readCatalog } from './dataset.js';
import type { PlannedGraph, PushPlan } from './plan.js';

/** Where to push and how. */
export interface PushTarget {
  /** The SPARQL query endpoint (reads: counts of the uploaded graphs). */
  endpoint: string;
  /** The Graph Store Protocol endpoint (`?graph=` is added), or undefined to upload by SPARQL Update. */
  gsp?: string;
  /** The SPARQL Update endpoint (MOVE, DROP; INSERT DATA without GSP). */
  update: string;
  credentials?: Credentials;
  /** Triples per INSERT DATA request when uploading by SPARQL Update. Default 2000. */
  chunk?: number;
  /** Progress lines (not the result). */
  log?: (line: string) => void;
}

/** The graphs a push wrote, with their triples, and the graphs it dropped. */
export interface PushReport {
  graphs: Array<{ name: string; triples: number }>;
  /** Graphs of an earlier push that are not in this one, dropped. */
  dropped: string[];
}

/** The start of every temporary graph's name: `urn:diplograph:push:<token>:<n>`. */
export const TEMP_PREFIX = 'urn:diplograph:push:';

function ntriples(quads: RDF.Quad[]): string {
  return new Writer({ format: 'N-Triples' }).quadsToString(quads);
}

/** The triples of a graph by a SPARQL SELECT on the query endpoint. */
async function count(http: HttpClient, endpoint: string, graph: string, what: string): Promise<number> {
  const query = `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${graph}> { ?s ?p ?o } }`;
  const r = await http.request('POST', endpoint, { body: new URLSearchParams({ query }).toString(), contentType: 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json', what });
  try {
    const json = JSON.parse(r.text) as { results: { bindings: Array<{ n?: { value: string } }> } };
    return Number(json.results.bindings[0]?.n?.value ?? 0);
  } catch (error) {
    throw new UserError(`${what}: ${endpoint} did not answer a COUNT query with SPARQL JSON results (${messageOf(error)})`, { cause: error });
  }
}

/** Sends one SPARQL Update request. */
async function update(http: HttpClient, target: PushTarget, text: string, what: string): Promise<void> {
  await http.request('POST', target.update, { body: new URLSearchParams({ update: text }).toString(), contentType: 'application/x-www-form-urlencoded', what });
}

/** Graphs whose name starts with TEMP_PREFIX: temporaries of an earlier push that did not finish. */
async function leftoverTemporaries(http: HttpClient, endpoint: string): Promise<string[]> {
  const query = `SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "${TEMP_PREFIX}")) }`;
  const r = await http.request('POST', endpoint, { body: new URLSearchParams({ query }).toString(), contentType: 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json', what: 'looking for temporary graphs of an earlier push' });
  try {
    return (JSON.parse(r.text) as { results: { bindings: Array<{ g: { value: string } }> } }).results.bindings.map((b) => b.g.value).sort();
  } catch (error) {
    throw new UserError(`${endpoint}: not a SPARQL query endpoint (its answer is not SPARQL JSON results)`, { cause: error });
  }
}

async function drop(http: HttpClient, target: PushTarget, graphs: string[], what: string): Promise<void> {
  if (graphs.length) await update(http, target, graphs.map((g) => `DROP SILENT GRAPH <${g}>`).join(' ;\n'), what);
}

async function upload(http: HttpClient, target: PushTarget, g: PlannedGraph, temp: string): Promise<void> {
  const what = `graph <${g.name}>`;
  if (target.gsp) {
    const url = new URL(target.gsp);
    url.searchParams.set('graph', temp);
    await http.request('PUT', url.href, { body: ntriples(g.triples), contentType: 'application/n-triples', what });
  } else {
    await update(http, target, `DROP SILENT GRAPH <${temp}>`, what);
    const size = target.chunk ?? 2000;
    for (let i = 0; i < g.triples.length; i += size) {
      await update(http, target, `INSERT DATA { GRAPH <${temp}> {\n${ntriples(g.triples.slice(i, i + size))}} }`, what);
    }
  }
  const n = await count(http, target.endpoint, temp, what);
  if (n !== g.triples.length) throw new UserError(`${what}: uploaded ${g.triples.length} triples, but the store holds ${n} in the temporary graph <${temp}>`);
}

/**
 * Pushes a plan to a store: all graphs or, on a failure before the swap, none (see the module comment).
 * Throws a one-line UserError that names the graph, the request and the server's answer.
 */
export async function push(plan: PushPlan, target: PushTarget): Promise<PushReport> {
  const http = new HttpClient(target.credentials);
  const log = target.log ?? (() => {});
  const leftovers = await leftoverTemporaries(http, target.endpoint);
  if (leftovers.length) {
    log(`dropping ${leftovers.length} temporary graph(s) of an earlier push that did not finish`);
    await drop(http, target, leftovers, 'dropping temporary graphs of an earlier push');
  }
  const previous = await readCatalog(target.endpoint, plan.catalogGraph, http);
  const stale = (previous?.namedGraphs ?? []).filter((g) => !plan.graphs.some((p) => p.name === g));
  const token = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const temps = plan.graphs.map((_, i) => `${TEMP_PREFIX}${token}:${i}`);
  const created: string[] = [];
  try {
    for (const [i, g] of plan.graphs.entries()) {
      created.push(temps[i]);
      await upload(http, target, g, temps[i]);
    }
  } catch (error) {
    // Refused credentials or permissions: nothing was written, and a DROP would be refused too.
    const refused = error instanceof HttpStatusError && (error.status === 401 || error.status === 403);
    const cleanup = refused ? '' : await drop(http, target, created, 'dropping temporary graphs').then(() => '', (e: unknown) => `; temporary graphs could not be dropped (${messageOf(e)}); the next push drops them`);
    throw new UserError(`push failed, nothing was changed: ${messageOf(error)}${cleanup}`, { cause: error });
  }
  const replaced: string[] = [];
  for (const [i, g] of plan.graphs.entries()) {
    const what = `replacing graph <${g.name}>`;
    try {
      await update(http, target, `MOVE <${temps[i]}> TO <${g.name}>`, what);
      const n = await count(http, target.endpoint, g.name, what);
      if (n !== g.triples.length) throw new UserError(`${what}: it holds ${n} triples after the move, not ${g.triples.length}`);
      replaced.push(g.name);
    } catch (error) {
      const rest = temps.slice(i);
      const cleanup = await drop(http, target, rest, 'dropping temporary graphs').then(() => '', () => '; the next push drops the temporary graphs');
      throw new UserError(`push failed while replacing graphs: ${messageOf(error)}; ${replaced.length} of ${plan.graphs.length} graphs were replaced, the others keep their previous content; push again to finish${cleanup}`, { cause: error });
    }
  }
  try {
    await drop(http, target, stale, 'dropping graphs of an earlier push that this one does not write');
  } catch (error) {
    throw new UserError(`push: every graph was replaced, but ${messageOf(error)}`, { cause: error });
  }
  return { graphs: plan.graphs.map((g) => ({ name: g.name, triples: g.triples.length })), dropped: stale };
}
