/**
 * `diplograph build`: articles to a validated graph, written as Turtle (all facts, merged) and as
 * TriG (one named graph per article). Nothing is written unless the graph conforms to the shapes.
 */
import type * as RDF from '@rdfjs/types';
import { parse } from '../cli.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { buildDataset } from '../graph/build.js';
import { extractFolder } from '../graph/corpus.js';
import { formatReport, validateShapes } from '../graph/validate.js';
import { serializeQuads } from '../export/rdf-writer.js';
import type { ArticleExtraction } from '../extract/model.js';
import { DEFAULT_BASE } from '../vocab.js';

export interface BuildResult {
  extractions: ArticleExtraction[];
  quads: RDF.Quad[];
  turtle: string;
  trig: string;
}

/** Extracts a folder of articles and builds the validated graph; throws a UserError with the SHACL report on a violation. */
export async function buildGraph(inDir: string, base = DEFAULT_BASE): Promise<BuildResult> {
  if (!/^https?:\/\/\S+\/$/.test(base)) throw new UserError(`--base: "${base}" is not an absolute http(s) IRI ending in "/"`);
  const extractions = extractFolder(inDir);
  const quads = buildDataset(extractions, base);
  const report = await validateShapes(quads);
  if (!report.conforms) {
    throw new UserError(`the graph does not conform to ontology/shapes.ttl; nothing was written:\n${formatReport(report)}`);
  }
  return { extractions, quads, turtle: await serializeQuads(quads, 'turtle'), trig: await serializeQuads(quads, 'trig') };
}

export function trigPathFor(out: string): string {
  return out.replace(/\.(ttl|turtle)$/i, '') + '.trig';
}

export async function buildCommand(argv: string[]): Promise<number> {
  const { values } = parse('build', argv, {
    in: { type: 'string', default: 'data/documents' },
    out: { type: 'string', default: 'data/graph.ttl' },
    trig: { type: 'string' },
    base: { type: 'string', default: DEFAULT_BASE },
  });
  if (values.help) {
    process.stdout.write('Usage: diplograph build [--in data/documents] [--out data/graph.ttl] [--trig FILE] [--base IRI]\n');
    return 0;
  }
  const out = values.out as string;
  const trigOut = (values.trig as string | undefined) ?? trigPathFor(out);
  const result = await buildGraph(values.in as string, values.base as string);
  writeFileAtomic(out, result.turtle);
  writeFileAtomic(trigOut, result.trig);
  process.stdout.write(`${describe(result)}\nwrote ${out} and ${trigOut}\n`);
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
