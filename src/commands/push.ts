/**
 * `diplograph push --endpoint URL`: uploads the built graph to a SPARQL store (Graph Store Protocol,
 * or SPARQL Update where that is all there is), one graph per article plus the union graph, each one
 * replaced whole and only once all are uploaded (see src/remote/push.ts for the guarantee).
 */
import { parse } from '../cli.js';
import { UserError } from '../errors.js';
import { readGraphFile } from '../graph/load.js';
import { checkGraphBase, planPush } from '../remote/plan.js';
import { push } from '../remote/push.js';
import { DATA_OPTION, dataLayout } from '../data-dir.js';

/** The usage line of `diplograph push`. */
export const PUSH_USAGE = `Usage: diplograph push --endpoint URL [--gsp URL|none] [--update URL] [--graph-base IRI]
                       [--user U --password P] [--graph data/graph.trig | --data DIR] [--part K/N]
`;

function httpUrl(option: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(`--${option}: "${value}" is not a URL`, { exitCode: 2 });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`--${option}: "${value}" is not an http(s) URL`, { exitCode: 2 });
  return url.href;
}

/**
 * The store's URLs. --endpoint is the query endpoint. Unless given, the GSP and Update endpoints follow
 * Virtuoso's layout when --endpoint ends in /sparql: with credentials /sparql-graph-crud-auth and
 * /sparql-auth (Digest), without them /sparql-graph-crud and /sparql. Otherwise updates go to
 * --endpoint itself and graphs are uploaded by SPARQL Update.
 */
export function storeUrls(endpoint: string, withCredentials: boolean, gsp?: string, update?: string): { endpoint: string; gsp?: string; update: string } {
  const q = httpUrl('endpoint', endpoint);
  const virtuoso = /\/sparql\/?$/.test(new URL(q).pathname) ? new URL(q) : undefined;
  const sibling = (path: string) => (virtuoso ? new URL(path, virtuoso).href : undefined);
  const g = gsp === 'none' ? undefined : gsp !== undefined ? httpUrl('gsp', gsp) : sibling(withCredentials ? '/sparql-graph-crud-auth' : '/sparql-graph-crud');
  const u = update !== undefined ? httpUrl('update', update) : (sibling(withCredentials ? '/sparql-auth' : '/sparql') ?? q);
  return { endpoint: q, gsp: g, update: u };
}

/** Runs `diplograph push`; prints the graphs written and how to query them; returns the exit code. */
export async function pushCommand(argv: string[]): Promise<number> {
  const { values } = parse('push', argv, {
    endpoint: { type: 'string' },
    gsp: { type: 'string' },
    update: { type: 'string' },
    'graph-base': { type: 'string' },
    user: { type: 'string', short: 'u' },
    password: { type: 'string' },
    graph: { type: 'string' },
    ...DATA_OPTION,
    part: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(PUSH_USAGE);
    return 0;
  }
  if (!values.endpoint) throw new UserError('push: give --endpoint URL, the store\'s SPARQL query endpoint (e.g. http://127.0.0.1:8890/sparql)', { exitCode: 2 });
  const user = values.user as string | undefined;
  const password = (values.password as string | undefined) ?? process.env.DIPLOGRAPH_PASSWORD;
  if ((user === undefined) !== (password === undefined)) throw new UserError('push: give both --user and --password (or DIPLOGRAPH_PASSWORD), or neither', { exitCode: 2 });
  let part: { index: number; count: number } | undefined;
  if (values.part !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.part as string);
    if (!m || +m[1] < 1 || +m[1] > +m[2]) throw new UserError(`--part: "${values.part}" is not K/N with 1 <= K <= N (e.g. 1/2)`, { exitCode: 2 });
    part = { index: +m[1], count: +m[2] };
  }
  const graphBase = values['graph-base'] === undefined ? undefined : checkGraphBase(values['graph-base'] as string);
  const urls = storeUrls(values.endpoint as string, user !== undefined, values.gsp as string | undefined, values.update as string | undefined);
  const plan = planPush(readGraphFile((values.graph as string | undefined) ?? dataLayout(values.data as string | undefined).trig), { graphBase, part });
  const report = await push(plan, { ...urls, credentials: user === undefined ? undefined : { user, password: password! }, log: (l) => process.stderr.write(`diplograph: ${l}\n`) });
  const total = report.graphs.reduce((n, g) => n + g.triples, 0);
  const lines = [`pushed ${report.graphs.length} graphs (${total} triples) to ${urls.gsp ?? urls.update}`];
  const notes: Record<string, string> = { [plan.unionGraph]: '  (union graph: the default graph for queries)', [plan.catalogGraph]: '  (catalog of the dataset)' };
  for (const g of report.graphs) lines.push(`  ${g.triples.toString().padStart(6)}  <${g.name}>${notes[g.name] ?? ''}`);
  for (const g of report.dropped) lines.push(`  dropped <${g}> (not in this push)`);
  lines.push('query it with:', `  diplograph query <name> --endpoint ${urls.endpoint} --dataset ${plan.catalogGraph}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
