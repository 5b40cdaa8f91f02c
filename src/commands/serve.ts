/**
 * `diplograph serve`: publishes the built graph over HTTP: a read-only SPARQL 1.1 endpoint at
 * /sparql and a Linked Data description of every IRI under /id/. Listens on 127.0.0.1 by default.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from '../cli.js';
import { UserError } from '../errors.js';
import { formatOf, parseGraph, readGraphFile } from '../graph/load.js';
import { NativeGraph } from '../query/native-graph.js';
import { cachedAnswer, storeAnswer } from '../query/answer-cache.js';
import { graphBase, rebaseQuads, servedPath } from '../server/linked-data.js';
import { DEFAULTS, RESERVED_PATHS, startServer, type AnswerStore } from '../server/server.js';
import { DG, RDF } from '../vocab.js';
import { DATA_OPTION, dataLayout } from '../data-dir.js';

export const SERVE_USAGE = 'Usage: diplograph serve [--port 3000] [--host 127.0.0.1] [--graph data/graph.trig | --data DIR] [--timeout SECONDS] [--max-rows N] [--max-body BYTES] [--base IRI] [--workers N]\n';

function positiveNumber(option: string, value: string, integer: boolean, min = 1): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new UserError(`--${option}: "${value}" is not ${integer ? 'a whole number' : 'a number'}${min > 0 ? ` of at least ${min}` : ''}`, { exitCode: 2 });
  }
  return n;
}

/** The answer cache of a graph file (its SHA-256 `hash`) for the web UI's stored queries; a cache that cannot be written is only read. */
function keptAnswers(graphFile: string, hash: string): AnswerStore {
  return {
    get: (query) => cachedAnswer(graphFile, query, hash)?.result,
    keep: (query, result) => {
      try {
        storeAnswer(graphFile, query, result, hash);
      } catch {
        // A folder we cannot write to: the answer stands, only it is not kept.
      }
    },
  };
}

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parse('serve', argv, {
    port: { type: 'string', default: String(DEFAULTS.port) },
    host: { type: 'string', default: DEFAULTS.host },
    graph: { type: 'string' },
    ...DATA_OPTION,
    timeout: { type: 'string', default: String(DEFAULTS.timeoutMs / 1000) },
    'max-rows': { type: 'string', default: String(DEFAULTS.maxRows) },
    'max-body': { type: 'string', default: String(DEFAULTS.maxBodyBytes) },
    base: { type: 'string' },
    workers: { type: 'string', default: String(DEFAULTS.workers) },
  });
  if (values.help) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  const port = positiveNumber('port', values.port as string, true, 0);
  if (port > 65535) throw new UserError(`--port: ${port} is not a port number (0-65535)`, { exitCode: 2 });
  const timeoutMs = positiveNumber('timeout', values.timeout as string, false, 0.001) * 1000;
  const maxRows = positiveNumber('max-rows', values['max-rows'] as string, true);
  const maxBodyBytes = positiveNumber('max-body', values['max-body'] as string, true);
  const workers = positiveNumber('workers', values.workers as string, true);
  const given = values.base as string | undefined;
  if (given !== undefined && !/^https?:\/\/[^\s<>"{}|\\^`]+\/$/.test(given)) throw new UserError(`--base: "${given}" must be an absolute http(s) IRI ending with /`, { exitCode: 2 });
  if (given !== undefined) {
    const path = servedPath(given);
    const clash = RESERVED_PATHS.find((r) => path.startsWith(r));
    if (clash) throw new UserError(`--base: "${given}" would be served under ${path}, which the web UI uses (${clash}); choose another path`, { exitCode: 2 });
  }
  const graphFile = (values.graph as string | undefined) ?? dataLayout(values.data as string | undefined).trig;
  if (!existsSync(graphFile)) readGraphFile(graphFile); // the one-line "no such graph file" error
  const bytes = readFileSync(graphFile);
  // The graph is held once, in the native store (src/query/native-graph.ts), here and in each query worker;
  // it is read while the first worker starts and loads the engine.
  const graph = parseGraph(bytes.toString('utf8'), formatOf(graphFile), graphFile).then((parsed) => {
    const built = graphBase(parsed);
    const base = given ?? built;
    const store = base === built ? parsed : NativeGraph.fromQuads(rebaseQuads(parsed.readQuads(null, null, null, null), built, base));
    // The answers `diplograph query` keeps for these very bytes are valid here only when the IRIs are not rebased.
    const answers = base === built ? keptAnswers(graphFile, createHash('sha256').update(bytes).digest('hex')) : undefined;
    return { store, base, answers };
  });
  let server;
  try {
    // Listen as soon as one worker is ready: the first answer comes sooner; the other workers follow.
    server = await startServer({ graph, port, host: values.host as string, timeoutMs, maxRows, maxBodyBytes, workers, readyWhen: 'first' });
  } catch (error) {
    if (error instanceof UserError) throw error; // the graph file's
    const code = (error as { code?: string }).code;
    throw new UserError(`serve: cannot listen on ${values.host}:${port}${code ? ` (${code})` : ''}`, { cause: error });
  }
  const { store, base } = await graph;
  const root = server.url.replace(/\/$/, '');
  process.stdout.write(`diplograph: serving ${graphFile} (${store.size} quads)\n  web UI:          ${server.url}\n  SPARQL endpoint: ${root}/sparql\n  resources:       ${root}${servedPath(base)}...  (IRIs ${base}...)\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
