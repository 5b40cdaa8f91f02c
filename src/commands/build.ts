/**
 * `diplograph build`: articles to a validated graph, written as Turtle (all facts, merged) and as
 * TriG (one named graph per article). Nothing is written unless the graph conforms to the shapes.
 */
import type * as RDF from '@rdfjs/types';
import { parse } from '../cli.js';
import { UserError } from '../errors.js';
import { buildDataset } from '../graph/build.js';
import { ON_ERROR_CHOICES, articleFiles, failuresError, type ArticleFailure, type OnError } from '../graph/corpus.js';
import { defaultJobs, extractFiles } from '../graph/parallel.js';
import { createProgress, type ProgressStream } from '../progress.js';
import { formatReport, validateShapes } from '../graph/validate.js';
import { serializeQuads } from '../export/rdf-writer.js';
import { writeQuadsAtomic } from '../export/stream-writer.js';
import type { ArticleExtraction } from '../extract/model.js';
import { DEFAULT_BASE, DG, RDF as RDFNS } from '../vocab.js';
import { HTTP_IRI } from '../extract/index.js';
import { DATA_OPTION, dataLayout } from '../data-dir.js';
import { countsOf } from '../report.js';
import { applyCorrections, correctionName, readCorrections, touchedNodes, type Correction, type StaleCorrection } from '../graph/corrections.js';

export interface BuildResult {
  extractions: ArticleExtraction[];
  quads: RDF.Quad[];
  /** The graph as Turtle and as TriG, unless the build was asked for `strings: false` (then ''). */
  turtle: string;
  trig: string;
  /** The articles left out with `onError: 'skip'`, each with its one-line reason. */
  skipped: ArticleFailure[];
  /** The corrections file read, the corrections applied and those that matched nothing. */
  corrections: { file?: string; applied: Correction[]; stale: StaleCorrection[] };
  /** Seconds spent in each phase: extract, build (cross-article resolution and quads), validate, serialize. */
  phases: Record<'extract' | 'build' | 'validate' | 'serialize', number>;
}

/** How the build reads the articles: what it does with one it cannot read, the threads, the progress. */
export interface BuildOptions {
  /** An article that cannot be read fails the build (`fail`, the default) or is left out (`skip`). */
  onError?: OnError;
  /** Worker threads extracting articles and validating a large graph (default: the cores; 1 = in this thread). The output does not depend on it. */
  jobs?: number;
  /** Where the progress goes (a bar on a TTY, plain lines otherwise); none when absent. */
  progress?: ProgressStream;
  quiet?: boolean;
  /** The progress is shown from this many articles on (default 50): a small build stays silent. */
  progressFrom?: number;
  /**
   * Serialize the graph into `turtle` and `trig` (default true). The commands say false and stream the
   * files with {@link writeGraphFiles} instead, so the text of a big graph is never held whole.
   */
  strings?: boolean;
  /** The analysts' corrections to apply after extraction and resolution (data/corrections.ttl); none when absent or when the file does not exist. */
  corrections?: string;
  /** A correction that matches nothing fails the build (nothing is written) instead of being reported. */
  strictCorrections?: boolean;
  /** Make the reports of one event in several articles one node (default true; the evaluation summaries say false). */
  mergeEvents?: boolean;
}

/**
 * Extracts a folder of articles and builds the validated graph; throws a UserError with the SHACL
 * report on a violation. An article that cannot be read fails the build (naming every bad file), or
 * with `onError: 'skip'` is left out and listed in `skipped`.
 */
export async function buildGraph(inDir: string, base = DEFAULT_BASE, options: BuildOptions = {}): Promise<BuildResult> {
  if (!HTTP_IRI.test(base) || !base.endsWith('/')) throw new UserError(`--base: "${base}" is not an absolute http(s) IRI ending in "/"`);
  const files = articleFiles(inDir);
  const seconds = (since: number) => (performance.now() - since) / 1000;
  let t = performance.now();
  const showProgress = options.progress && files.length >= (options.progressFrom ?? 50);
  const progress = showProgress && createProgress({ total: files.length, label: 'extracting', stream: options.progress!, quiet: options.quiet });
  const { extractions, failures } = await extractFiles(files, { jobs: options.jobs, onArticle: progress ? () => progress.tick() : undefined });
  if (progress) progress.done();
  if ((options.onError ?? 'fail') === 'fail' && failures.length) throw failuresError(failures);
  if (!extractions.length) {
    throw new UserError(`${inDir}: none of the ${failures.length} articles can be read; nothing was written:\n${failures.map((f) => `  ${f.message}`).join('\n')}`);
  }
  const extract = seconds(t);
  t = performance.now();
  const file = options.corrections;
  const list = file ? readCorrections(file, base) : [];
  const { quads, applied, stale } = applyCorrections(buildDataset(extractions, base, { mergeEvents: options.mergeEvents }), list, base);
  if (options.strictCorrections && stale.length) {
    throw new UserError(`${stale.length} correction${stale.length === 1 ? '' : 's'} of ${file} no longer appl${stale.length === 1 ? 'ies' : 'y'}; nothing was written:\n${stale.map((x) => `  ${staleLine(x, file!, base)}`).join('\n')}`);
  }
  const build = seconds(t);
  t = performance.now();
  const report = await validateShapes(quads, undefined, { jobs: options.jobs });
  const validate = seconds(t);
  if (!report.conforms) {
    const named = new Set(report.results.flatMap((r) => [r.focusNode, r.value ?? '']));
    const near = applied.filter((c) => touchedNodes(c).some((n) => named.has(n) || named.has(`<${n}>`)));
    // Of those, the ones whose fact has the property a violation is about, when there are such.
    const local = (iri: string) => iri.replace(/.*[#/:]/, '');
    const onPath = near.filter((c) => c.fact && report.results.some((r) => r.path !== undefined && local(r.path) === local(c.fact!.predicate.value)));
    const culprits = onPath.length ? onPath : near;
    const which = culprits.length ? ` because of the correction${culprits.length === 1 ? '' : 's'} ${culprits.map((c) => correctionName(c, base)).join(', ')} of ${file} (fix or remove ${culprits.length === 1 ? 'it' : 'them'})`
      : applied.length ? ` (with the ${applied.length} corrections of ${file} applied)` : '';
    throw new UserError(`the graph does not conform to ontology/shapes.ttl${which}; nothing was written:\n${formatReport(report)}`);
  }
  t = performance.now();
  const strings = options.strings ?? true;
  const turtle = strings ? await serializeQuads(quads, 'turtle') : '';
  const trig = strings ? await serializeQuads(quads, 'trig') : '';
  return { extractions, quads, turtle, trig, skipped: failures, corrections: { file, applied, stale }, phases: { extract, build, validate, serialize: seconds(t) } };
}

/**
 * Writes the built graph as Turtle to `ttl` and as TriG to `trig`, each streamed in canonical order
 * (the same bytes as serializeQuads) into a temporary file that replaces the old one when complete.
 */
export async function writeGraphFiles(quads: RDF.Quad[], ttl: string, trig: string): Promise<void> {
  await writeQuadsAtomic(ttl, quads, 'turtle');
  await writeQuadsAtomic(trig, quads, 'trig');
}

/** The value of `--on-error`, checked. */
export function onErrorOption(value: unknown): OnError {
  if (!ON_ERROR_CHOICES.includes(value as OnError)) {
    throw new UserError(`--on-error: unknown choice "${String(value)}" (use ${ON_ERROR_CHOICES.join(' or ')})`, { exitCode: 2 });
  }
  return value as OnError;
}

/** Reports the notes on how articles were read (an HTML page saved as .txt), the skipped articles and the corrections that no longer apply, on stderr, one line each. */
export function reportSkipped(r: BuildResult): void {
  for (const x of r.extractions) for (const note of x.notes ?? []) process.stderr.write(`diplograph: note: ${note}\n`);
  for (const f of r.skipped) process.stderr.write(`diplograph: skipped ${f.message}\n`);
  for (const x of r.corrections.stale) process.stderr.write(`diplograph: warning: ${staleLine(x, r.corrections.file!)}\n`);
}

/** `data/corrections.ttl: line 12: correction/3 (merge) no longer applies: ...; not applied`. */
function staleLine(x: StaleCorrection, file: string, base = DEFAULT_BASE): string {
  const c = x.correction;
  const id = c.iri.value.startsWith(base) ? c.iri.value.slice(base.length) : `<${c.iri.value}>`;
  return `${file}: line ${c.line || '?'}: ${id} (${c.action}) no longer applies: ${x.reason}; not applied`;
}

/** The line on the corrections applied, when there are any. */
export function correctionsLine(r: BuildResult): string {
  const { file, applied, stale } = r.corrections;
  if (!applied.length && !stale.length) return '';
  return `applied ${applied.length} correction${applied.length === 1 ? '' : 's'} of ${file}${stale.length ? `; ${stale.length} no longer appl${stale.length === 1 ? 'ies' : 'y'} (see above)` : ''}\n`;
}

/** The options of build and run that say which corrections to apply. */
export const CORRECTION_OPTIONS = {
  corrections: { type: 'string', default: 'data/corrections.ttl' },
  strict: { type: 'boolean', default: false },
} as const;

/** The closing summary: `built N articles, skipped K`. */
export function summaryLine(r: BuildResult): string {
  return `built ${r.extractions.length} article${r.extractions.length === 1 ? '' : 's'}, skipped ${r.skipped.length}`;
}

/** The usage line of `diplograph build`. */
export const BUILD_USAGE = 'Usage: diplograph build [--in data/documents] [--out data/graph.ttl] [--trig FILE] [--base IRI] [--on-error fail|skip] [--jobs N] [--quiet] [--corrections data/corrections.ttl] [--strict] [--data DIR]';

/** The TriG file beside a Turtle file: `graph.ttl` -> `graph.trig`. */
export function trigPathFor(out: string): string {
  return out.replace(/\.(ttl|turtle)$/i, '') + '.trig';
}

/** `diplograph build`: see BUILD_USAGE; returns the exit code. */
export async function buildCommand(argv: string[]): Promise<number> {
  const { values } = parse('build', argv, {
    in: { type: 'string' },
    out: { type: 'string' },
    ...DATA_OPTION,
    trig: { type: 'string' },
    base: { type: 'string', default: DEFAULT_BASE },
    'on-error': { type: 'string', default: 'fail' },
    jobs: { type: 'string', short: 'j' },
    quiet: { type: 'boolean', short: 'q', default: false },
    ...CORRECTION_OPTIONS,
  });
  if (values.help) {
    process.stdout.write(`${BUILD_USAGE}\n`);
    return 0;
  }
  const data = dataLayout(values.data as string | undefined);
  const out = (values.out as string | undefined) ?? data.ttl;
  const trigOut = (values.trig as string | undefined) ?? trigPathFor(out);
  const onError = onErrorOption(values['on-error']);
  const jobsText = values.jobs as string | undefined;
  if (jobsText !== undefined && !/^[1-9]\d*$/.test(jobsText)) throw new UserError(`--jobs: "${jobsText}" is not a positive integer`, { exitCode: 2 });
  const jobs = jobsText === undefined ? undefined : Math.min(Number(jobsText), 4 * defaultJobs());
  const result = await buildGraph((values.in as string | undefined) ?? data.documents, values.base as string, {
    onError, jobs, progress: process.stderr, quiet: values.quiet as boolean, strings: false, corrections: values.corrections as string, strictCorrections: values.strict as boolean,
  });
  reportSkipped(result);
  await writeGraphFiles(result.quads, out, trigOut);
  process.stdout.write(`${describe(result)}\n${correctionsLine(result)}wrote ${out} and ${trigOut}\n`);
  if (onError === 'skip') process.stdout.write(`${summaryLine(result)}\n`);
  return 0;
}

/** One line of counts: articles, persons, organizations, countries, meetings, agreements, quads. */
export function describe(r: BuildResult): string {
  const c = countsOf(r.extractions, r.quads);
  return `${c.articles} articles: ${c.persons} persons, ${c.organizations} organizations, ${c.countries} countries, ${c.events} meetings, ${c.agreements} agreements; ${c.quads} quads`;
}
