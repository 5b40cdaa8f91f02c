/**
 * `diplograph export`: the built graph as JSON-LD (compacted or framed), Turtle, TriG, N-Triples or
 * N-Quads, to a file (written atomically) or to standard output.
 */
import { parse } from '../cli.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { loadGraph } from '../graph/load.js';
import { FRAMES, toJsonLd, type Frame } from '../export/jsonld.js';
import { RDF_FORMATS, type RdfFormat } from '../export/rdf-writer.js';
import { streamQuads, writeQuadsAtomic } from '../export/stream-writer.js';
import { streamJsonLd, writeJsonLdAtomic } from '../export/jsonld-stream.js';
import { DATA_OPTION, dataLayout } from '../data-dir.js';

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parse('export', argv, {
    format: { type: 'string', short: 'f' },
    frame: { type: 'string' },
    graph: { type: 'string' },
    out: { type: 'string', short: 'o' },
    ...DATA_OPTION,
  });
  if (values.help) {
    process.stdout.write('Usage: diplograph export --format jsonld|turtle|trig|ntriples|nquads [--frame meetings] [--graph data/graph.trig | --data DIR] [--out FILE]\n');
    return 0;
  }
  const format = values.format as string | undefined;
  const formats = ['jsonld', ...RDF_FORMATS];
  if (!format) throw new UserError(`export: --format is required (${formats.join(', ')})`, { exitCode: 2 });
  if (!formats.includes(format)) throw new UserError(`--format: unknown format "${format}" (use ${formats.join(', ')})`, { exitCode: 2 });
  const frame = values.frame as string | undefined;
  if (frame !== undefined && format !== 'jsonld') throw new UserError('--frame: framing applies to --format jsonld only', { exitCode: 2 });
  if (frame !== undefined && !FRAMES.includes(frame as Frame)) throw new UserError(`--frame: unknown frame "${frame}" (frames: ${FRAMES.join(', ')})`, { exitCode: 2 });
  const store = await loadGraph((values.graph as string | undefined) ?? dataLayout(values.data as string | undefined).trig);
  if (format !== 'jsonld') {
    // Turtle, TriG, N-Triples, N-Quads: streamed in canonical order, never held whole as text.
    if (values.out) {
      await writeQuadsAtomic(values.out as string, store, format as RdfFormat);
      process.stderr.write(`wrote ${values.out}\n`);
    } else await streamQuads(store, format as RdfFormat, process.stdout);
    return 0;
  }
  if (frame === undefined) {
    // Compacted JSON-LD: streamed a chunk of top-level nodes at a time.
    if (values.out) {
      await writeJsonLdAtomic(values.out as string, store);
      process.stderr.write(`wrote ${values.out}\n`);
    } else await streamJsonLd(store, process.stdout);
    return 0;
  }
  const text = await toJsonLd(store.getQuads(null, null, null, null), { frame: frame as Frame | undefined });
  if (values.out) {
    writeFileAtomic(values.out as string, text);
    process.stderr.write(`wrote ${values.out}\n`);
  } else process.stdout.write(text);
  return 0;
}
