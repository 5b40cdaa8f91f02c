/**
 * `diplograph build`: articles to a validated graph, written as Turtle (all facts, merged) and as
 * TriG (one named graph per article). Nothing is written unless the graph conforms to the shapes.
 */
import type * as RDF from '@rdfjs/types';
import { parse } from '../cli.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { buildDataset } from '../graph/build.js';
import { ON_ERROR_CHOICES, readCorpus, type ArticleFailure, type OnError } from '../graph/corpus.js';
import { formatReport, validateShapes } from '../graph/validate.js';
import { serializeQuads } from '../export/rdf-writer.js';
import type { ArticleExtraction } from '../extract/model.js';
import { DEFAULT_BASE } from '../vocab.js';
import { HTTP_IRI } from '../extract/index.js';

export interface BuildResult {
  extractions: ArticleExtraction[];
  quads: RDF.Quad[];
  turtle: string;
  trig: string;
  /** The articles left out with `onError: 'skip'`, each with its one-line reason. */
  skipped: ArticleFailure[];
}

/** How the build treats an article it cannot read; see `OnError`. */
export interface BuildOptions {
  onError?: OnError;
}

/**
 * Extracts a folder of articles and builds the validated graph; throws a UserError with the SHACL
 * report on a violation. An article that cannot be read fails the build (naming every bad file), or
 * with `onError: 'skip'` is left out and listed in `skipped`.
 */
export async function buildGraph(inDir: string, base = DEFAULT_BASE, options: BuildOptions = {}): Promise<BuildResult> {
  if (!HTTP_IRI.test(base) || !base.endsWith('/')) throw new UserError(`--base: "${base}" is not an absolute http(s) IRI ending in "/"`);
  const { extractions, failures } = readCorpus(inDir, options.onError ?? 'fail');
  const quads = buildDataset(extractions, base);
  const report = await validateShapes(quads);
  if (!report.conforms) {
    throw new UserError(`the graph does not conform to ontology/shapes.ttl; nothing was written:\n${formatReport(report)}`);
  }
  return { extractions, quads, turtle: await serializeQuads(quads, 'turtle'), trig: await serializeQuads(quads, 'trig'), skipped: failures };
}

/** The value of `--on-error`, checked. */
export function onErrorOption(value: unknown): OnError {
  if (!ON_ERROR_CHOICES.includes(value as OnError)) {
    throw new UserError(`--on-error: unknown choice "${String(value)}" (use ${ON_ERROR_CHOICES.join(' or ')})`, { exitCode: 2 });
  }
  return value as OnError;
}

/** Reports the skipped articles on stderr, one line each. */
export function reportSkipped(r: BuildResult): void {
  for (const f of r.skipped) process.stderr.write(`diplograph: skipped ${f.message}\n`);
}

/** The closing summary: `built N articles, skipped K`. */
export function summaryLine(r: BuildResult): string {
  return `built ${r.extractions.length} article${r.extractions.length === 1 ? '' : 's'}, skipped ${r.skipped.length}`;
}

/** The usage line of `diplograph build`. */
export const BUILD_USAGE = 'Usage: diplograph build [--in data/documents] [--out data/graph.ttl] [--trig FILE] [--base IRI] [--on-error fail|skip]';

/** The TriG file beside a Turtle file: `graph.ttl` -> `graph.trig`. */
export function trigPathFor(out: string): string {
  return out.replace(/\.(ttl|turtle)$/i, '') + '.trig';
}

/** `diplograph build`: see BUILD_USAGE; returns the exit code. */
export async function buildCommand(argv: string[]): Promise<number> {
  const { values } = parse('build', argv, {
    in: { type: 'string', default: 'data/documents' },
    out: { type: 'string', default: 'data/graph.ttl' },
    trig: { type: 'string' },
    base: { type: 'string', default: DEFAULT_BASE },
    'on-error': { type: 'string', default: 'fail' },
  });
  if (values.help) {
    process.stdout.write(`${BUILD_USAGE}\n`);
    return 0;
  }
  const out = values.out as string;
  const trigOut = (values.trig as string | undefined) ?? trigPathFor(out);
  const onError = onErrorOption(values['on-error']);
  const result = await buildGraph(values.in as string, values.base as string, { onError });
  reportSkipped(result);
  writeFileAtomic(out, result.turtle);
  writeFileAtomic(trigOut, result.trig);
  process.stdout.write(`${describe(result)}\nwrote ${out} and ${trigOut}\n`);
  if (onError === 'skip') process.stdout.write(`${summaryLine(result)}\n`);
  return 0;
}

/** One line of counts: articles, persons, organizations, meetings, agreements, quads. */
export function describe(r: BuildResult): string {
  const count = (f: (x: ArticleExtraction) => Iterable<string>) => new Set(r.extractions.flatMap((x) => [...f(x)])).size;
  const persons = count((x) => x.persons.keys());
  const orgs = count((x) => x.organizations.keys());
  const countries = count((x) => x.countries.keys());
  const agreements = count((x) => x.agreements.keys());
  const meetings = r.extractions.reduce((n, x) => n + x.meetings.length, 0);
  return `${r.extractions.length} articles: ${persons} persons, ${orgs} organizations, ${countries} countries, ${meetings} meetings, ${agreements} agreements; ${r.quads.length} quads`;
}
