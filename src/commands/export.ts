/**
 * `diplograph export`: the built graph as JSON-LD (compacted or framed), Turtle, TriG, N-Triples or
 * N-Quads, to a file (written atomically) or to standard output.
 */
import { parse } from '../cli.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { loadStore } from '../graph/load.js';
import { FRAMES, toJsonLd, type Frame } from '../export/jsonld.js';
import { RDF_FORMATS, serializeQuads, type RdfFormat } from '../export/rdf-writer.js';

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parse('export', argv, {
    format: { type: 'string', short: 'f' },
    frame: { type: 'string' },
    graph: { type: 'string', default: 'data/graph.trig' },
    out: { type: 'string', short: 'o' },
  });
  if (values.help) {
    process.stdout.write('Usage: diplograph export --format jsonld|turtle|trig|ntriples|nquads [--frame meetings] [--graph data/graph.trig] [--out FILE]\n');
    return 0;
  }
  const format = values.format as string | undefined;
  const formats = ['jsonld', ...RDF_FORMATS];
  if (!format) throw new UserError(`export: --format is required (${formats.join(', ')})`, { exitCode: 2 });
  if (!formats.includes(format)) throw new UserError(`--format: unknown format "${format}" (use ${formats.join(', ')})`, { exitCode: 2 });
  const frame = values.frame as string | undefined;
  if (frame !== undefined && format !== 'jsonld') throw new UserError('--frame: framing applies to --format jsonld only', { exitCode: 2 });
  if (frame !== undefined && !FRAMES.includes(frame as Frame)) throw new UserError(`--frame: unknown frame "${frame}" (frames: ${FRAMES.join(', ')})`, { exitCode: 2 });
  const store = loadStore(values.graph as string);
  const quads = store.getQuads(null, null, null, null);
  const text = format === 'jsonld' ? await toJsonLd(quads, { frame: frame as Frame | undefined }) : await serializeQuads(quads, format as RdfFormat);
  if (values.out) {
    writeFileAtomic(values.out as string, text);
    process.stderr.write(`wrote ${values.out}\n`);
  } else process.stdout.write(text);
  return 0;
}
