/**
 * The `diplograph` command line: build the graph from articles, answer stored SPARQL queries, export
 * the graph, write evaluation summaries, and `run` the whole main job. User mistakes end with a
 * one-line message and a non-zero exit code, never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError, messageOf } from './errors.js';
import { didYouMean } from './suggest.js';

const COMMANDS = ['add', 'build', 'query', 'export', 'summarize', 'explain', 'run', 'serve', 'push', 'correct'];

const USAGE = `diplograph: defence-diplomacy news articles as an RDF knowledge graph

Usage:
  diplograph add FILE... [--to data/documents] [--url URL]
      Add articles: saved web pages (.html, or .txt holding HTML) become NAME.txt, their article text,
      with NAME.source (URL, publication date, publisher taken from the page); plain .txt articles
      are copied with their .source. An article already there (same URL or same text) is not added.
  diplograph build [--in data/documents] [--out data/graph.ttl] [--trig FILE] [--base IRI] [--on-error fail|skip]
                   [--corrections data/corrections.ttl] [--strict] [--data DIR]
      Extract every article (*.txt, *.html) of --in, validate the graph against ontology/shapes.ttl, and write
      Turtle (--out) and TriG with one named graph per article (--trig, default: --out with .trig).
      An article that cannot be read (empty, binary, not UTF-8, ...) fails the build and nothing is
      written, with every bad file named (--on-error fail, the default); --on-error skip reports each
      bad article on stderr, leaves it out and builds the others.
      Analysts' corrections (--corrections, default data/corrections.ttl) are applied after extraction;
      one that no longer matches anything is a warning naming its line (--strict: an error).
  diplograph correct merge KEEP DUPLICATE | remove S P O | add S P O | relabel NODE LABEL --why TEXT [--by NAME]
  diplograph correct list
      Record a correction in data/corrections.ttl (--file) that every later build applies: nodes by
      name or IRI, checked against the built graph (--graph data/graph.trig); refused when it would
      change nothing or break the shapes.
  diplograph query <name|file.rq> [--param NAME=VALUE ...] [--format table|json|csv|tsv|turtle|jsonld]
                   [--graph data/graph.trig | --endpoint URL ... [--dataset IRI | --default-graph IRI
                   --named-graph IRI ...]]
      Answer a stored query of queries/ (or any .rq file) over the built graph or SPARQL endpoints
      (--endpoint repeated: federated over all of them). An actor, meeting or area parameter takes
      an IRI or, over a graph file, any of its names (--param partner="Viet Nam"), checked against
      the graph: a name or IRI that names nothing is an error with the closest ones. --dataset names the catalog that push wrote
      (<base>graph/dataset); --default-graph/--named-graph give the dataset by hand. An answer kept
      for the very same graph file is reused (--no-cache: evaluate again; --verbose: say so on stderr).
  diplograph query --list
      List the stored queries with their parameters.
  diplograph export --format jsonld|turtle|trig|ntriples|nquads [--frame meetings] [--graph FILE] [--out FILE]
      Export the built graph; JSON-LD is compacted with ontology/context.jsonld, or framed.
  diplograph summarize <articles-dir> --out <dir>
      Build the graph of those articles and write one JSON summary per article (evaluation format).
  diplograph explain <article.txt> [--format text|json]
      Show, sentence by sentence, what was extracted from one article and the rule behind each fact,
      then every event with why it got its type, date, place and participants.
  diplograph run [--in data/documents] [--out-dir data] [--on-error fail|skip] [--corrections FILE] [--strict] [--verbose]
      The main job (npm start): build (with the corrections), write data/graph.jsonld, answer every stored
      query into data/answers/NAME.csv and NAME.json (SPARQL 1.1 results; parameters in index.json), and
      report what was built, what needs attention and where the answers are (--verbose: print every answer).
  diplograph serve [--port 3000] [--host 127.0.0.1] [--graph data/graph.trig] [--timeout SECONDS]
                   [--max-rows N] [--max-body BYTES] [--base IRI]
      Publish the graph over HTTP: a read-only SPARQL 1.1 endpoint at /sparql, and every IRI under
      the base resolved as Linked Data at /id/... (Turtle, N-Triples, JSON-LD or HTML).
  diplograph push --endpoint URL [--gsp URL|none] [--update URL] [--graph-base IRI]
                  [--user U --password P] [--graph data/graph.trig] [--part K/N]
      Upload the built graph to a SPARQL store (Graph Store Protocol or SPARQL Update, Basic or
      Digest auth): one graph per article, the union graph <base>graph/default and the catalog
      <base>graph/dataset, each replaced whole only after every graph is uploaded and counted.
      --part K/N pushes one of N disjoint parts (for federation).

Options:
  --data DIR       the data folder (documents/, graph.*, answers/) of every command; by default the
                   nearest data/ above the current folder, else the diplograph folder's data/
  -h, --help       this help
  -V, --version    the version
`;

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses the options of one command; unknown options and missing values are user errors. */
export function parse(command: string, argv: string[], options: Options, positionals = 0): Parsed {
  try {
    const r = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
    if (r.positionals.length > positionals) {
      throw new UserError(`${command}: unexpected argument "${r.positionals[positionals]}" (see diplograph --help)`);
    }
    return r as Parsed;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as { code?: string }).code ?? '';
    const msg = messageOf(error).replace(/\. To specify a positional argument.*$/, '').replace(/^Unknown option/, 'unknown option');
    const unknown = /^unknown option '(-{1,2}[^']*)'/.exec(msg)?.[1];
    const near = unknown ? didYouMean(unknown.replace(/^-+/, ''), Object.keys(options), (o) => `--${o}`) : '';
    throw new UserError(`${command}: ${msg}${near}${code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? ' (see diplograph --help)' : ''}`, { exitCode: 2 });
  }
}

/** Runs the command line; returns the process exit code. Each command's modules are loaded only when it runs (a fast start for `query`). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'add':
        return await (await import('./commands/add.js')).addCommand(rest);
      case 'build':
        return await (await import('./commands/build.js')).buildCommand(rest);
      case 'query':
        return await (await import('./commands/query.js')).queryCommand(rest);
      case 'export':
        return await (await import('./commands/export.js')).exportCommand(rest);
      case 'summarize':
        return await (await import('./commands/summarize.js')).summarizeCommand(rest);
      case 'explain':
        return await (await import('./commands/explain.js')).explainCommand(rest);
      case 'run':
        return await (await import('./commands/run.js')).runCommand(rest);
      case 'serve':
        return await (await import('./commands/serve.js')).serveCommand(rest);
      case 'push':
        return await (await import('./commands/push.js')).pushCommand(rest);
      case 'correct':
        return await (await import('./commands/correct.js')).correctCommand(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      case '-V':
      case '--version':
        process.stdout.write(`${await version()}\n`);
        return 0;
      default:
        throw new UserError(`unknown command "${command}"${didYouMean(command, COMMANDS)} (commands: ${COMMANDS.join(', ')}; see diplograph --help)`, { exitCode: 2 });
    }
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`diplograph: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`diplograph: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 70;
  }
}

async function version(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { projectRoot } = await import('./ontology-files.js');
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export { USAGE };
