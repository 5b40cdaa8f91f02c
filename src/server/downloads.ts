/**
 * Answers as files to download, for the web UI's links: a stored query's answer at
 * `/queries/NAME.csv?PARAMS` (or .json, .tsv, .xml), and any query's at `/download/answer.csv?query=...`.
 * A table (SELECT) or a boolean (ASK) is written in the SPARQL 1.1 results formats (CSV, JSON, TSV,
 * XML), as the endpoint writes them; a graph (CONSTRUCT, DESCRIBE) as CSV of subject, predicate,
 * object, as JSON-LD for .json, and as Turtle (.ttl) or N-Triples (.nt).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { QueryResult } from '../query/engine.js';
import { booleanJson, formatBoolean, formatSelect } from '../query/results.js';
import { booleanXml, toSparqlXml } from '../query/results-xml.js';
import { HttpError, send } from './http.js';
import { html, join, type Html } from './html.js';
import { writeGraph } from './sparql-endpoint.js';

/** The extensions a download may have, with the media type of each. */
export const DOWNLOAD_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/sparql-results+json; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  xml: 'application/sparql-results+xml; charset=utf-8',
  ttl: 'text/turtle; charset=utf-8',
  nt: 'application/n-triples; charset=utf-8',
};

/** A path's name and extension when it ends in a download extension: `co-chairs.csv` → ['co-chairs', 'csv']. */
export function downloadName(file: string): [string, string] | undefined {
  const m = /^([\w-]+)\.(csv|json|tsv|xml|ttl|nt)$/.exec(file);
  return m ? [m[1], m[2]] : undefined;
}

/** The answer as the file of that extension: its media type and its text. A format the answer cannot take is a 400. */
export async function answerFile(result: QueryResult, ext: string): Promise<{ type: string; body: string }> {
  if (result.type === 'quads') {
    if (ext === 'json') return { type: 'application/ld+json; charset=utf-8', body: await writeGraph(result.quads, 'jsonld') };
    if (ext === 'ttl') return { type: DOWNLOAD_TYPES.ttl, body: await writeGraph(result.quads, 'turtle') };
    if (ext === 'nt') return { type: DOWNLOAD_TYPES.nt, body: await writeGraph(result.quads, 'ntriples') };
    if (ext === 'csv' || ext === 'tsv') {
      const rows = result.quads.map((q) => ({ subject: q.subject, predicate: q.predicate, object: q.object }));
      return { type: DOWNLOAD_TYPES[ext], body: formatSelect({ variables: ['subject', 'predicate', 'object'], rows }, ext) };
    }
    throw new HttpError(400, `a graph answer cannot be downloaded as .${ext}; use .csv, .json (JSON-LD), .ttl or .nt`);
  }
  if (ext === 'ttl' || ext === 'nt') throw new HttpError(400, `a ${result.type === 'boolean' ? 'yes/no' : 'table'} answer cannot be downloaded as .${ext}; use .csv, .json, .tsv or .xml`);
  const format = ext as 'csv' | 'json' | 'tsv' | 'xml';
  if (result.type === 'boolean') {
    const body = format === 'xml' ? booleanXml(result.value) : format === 'json' ? booleanJson(result.value) : formatBoolean(result.value, format);
    return { type: DOWNLOAD_TYPES[ext], body };
  }
  return { type: DOWNLOAD_TYPES[ext], body: format === 'xml' ? toSparqlXml(result) : formatSelect(result, format) };
}

/** Sends the answer as a file to save (Content-Disposition: attachment) named `name.ext`. */
export async function sendDownload(req: IncomingMessage, res: ServerResponse, result: QueryResult, name: string, ext: string): Promise<void> {
  const { type, body } = await answerFile(result, ext);
  send(req, res, 200, type, body, { 'Content-Disposition': `attachment; filename="${name}.${ext}"`, 'X-Content-Type-Options': 'nosniff' });
}

/** The links to download an answer: `href(ext)` gives each one's URL. CSV and JSON for every answer, and the others that suit it. */
export function downloadLinks(result: QueryResult, href: (ext: string) => string): Html {
  const offers: [string, string][] =
    result.type === 'quads'
      ? [['csv', 'CSV'], ['json', 'JSON-LD'], ['ttl', 'Turtle'], ['nt', 'N-Triples']]
      : [['csv', 'CSV'], ['json', 'JSON'], ['tsv', 'TSV'], ['xml', 'XML']];
  return html`<p class="downloads">Download the answer: ${join(offers.map(([ext, label]) => html`<a class="download" href="${href(ext)}" download data-format="${ext}">${label}</a>`), ' · ')}</p>`;
}
