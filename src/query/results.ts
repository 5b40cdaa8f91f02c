/**
 * Query results in the W3C SPARQL 1.1 Query Results formats (JSON, CSV, TSV) and as a table for
 * people to read; CONSTRUCT results as Turtle or JSON-LD. Every output ends with a newline.
 *
 * ASK results: JSON as the spec says (`{"head": {}, "boolean": true}`); the CSV and TSV specs define
 * SELECT results only, so ASK is written as Jena writes it (a column `_askResult`, then true/false).
 *
 * @example
 * process.stdout.write(await formatResult(await run(text, store), 'csv'));
 */
import type * as RDF from '@rdfjs/types';
import { UserError } from '../errors.js';
import { serializeQuads } from '../export/rdf-writer.js';
import { PREFIXES } from '../vocab.js';
import type { QueryResult, Row, SelectResult } from './engine.js';

/** Formats of SELECT and ASK results. */
export type ResultFormat = 'table' | 'json' | 'csv' | 'tsv';
/** Every output format of `diplograph query`: result formats, and graph formats for CONSTRUCT/DESCRIBE. */
export type OutputFormat = ResultFormat | 'turtle' | 'jsonld';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv', 'tsv', 'turtle', 'jsonld'];
/** The media type of each output format (for an HTTP endpoint or a file). */
export const MEDIA_TYPES: Readonly<Record<OutputFormat, string>> = {
  table: 'text/plain; charset=utf-8',
  json: 'application/sparql-results+json',
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  turtle: 'text/turtle',
  jsonld: 'application/ld+json',
};

type JsonTerm =
  | { type: 'uri'; value: string }
  | { type: 'bnode'; value: string }
  | { type: 'literal'; value: string; 'xml:lang'?: string; datatype?: string };

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANGSTRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

function jsonTerm(t: RDF.Term): JsonTerm {
  if (t.termType === 'NamedNode') return { type: 'uri', value: t.value };
  if (t.termType === 'BlankNode') return { type: 'bnode', value: t.value };
  const lit = t as RDF.Literal;
  if (lit.language) return { type: 'literal', value: lit.value, 'xml:lang': lit.language };
  if (lit.datatype && lit.datatype.value !== XSD_STRING && lit.datatype.value !== RDF_LANGSTRING) {
    return { type: 'literal', value: lit.value, datatype: lit.datatype.value };
  }
  return { type: 'literal', value: lit.value };
}

/** application/sparql-results+json (SPARQL 1.1 Query Results JSON): head.vars, then results.bindings; unbound variables are left out of a binding. */
export function toSparqlJson(r: SelectResult): string {
  const bindings = r.rows.map((row) => {
    const b: Record<string, JsonTerm> = {};
    for (const v of r.variables) if (row[v]) b[v] = jsonTerm(row[v]!);
    return b;
  });
  return `${JSON.stringify({ head: { vars: r.variables }, results: { bindings } }, null, 2)}\n`;
}

/** An ASK result as application/sparql-results+json. */
export function booleanJson(value: boolean): string {
  return `${JSON.stringify({ head: {}, boolean: value }, null, 2)}\n`;
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * text/csv (SPARQL 1.1 CSV, RFC 4180): a header of variable names, then one line per solution with
 * plain values (an IRI's string, a literal's lexical form, `_:label`), unbound as an empty field;
 * fields with a quote, comma, CR or LF (or edge spaces) are quoted; lines end with CRLF.
 */
export function toCsv(r: SelectResult): string {
  const lines = [r.variables.map(csvField).join(',')];
  for (const row of r.rows) {
    lines.push(r.variables.map((v) => {
      const t = row[v];
      if (!t) return '';
      return csvField(t.termType === 'BlankNode' ? `_:${t.value}` : t.value);
    }).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function escapeString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

/** A term in Turtle / N-Triples syntax, as SPARQL TSV writes it. */
export function turtleTerm(t: RDF.Term): string {
  switch (t.termType) {
    case 'NamedNode':
      return `<${t.value}>`;
    case 'BlankNode':
      return `_:${t.value}`;
    case 'Literal': {
      const lit = t as RDF.Literal;
      const body = `"${escapeString(lit.value)}"`;
      if (lit.language) return `${body}@${lit.language}`;
      if (lit.datatype.value === XSD_STRING) return body;
      return `${body}^^<${lit.datatype.value}>`;
    }
    default:
      return `?${t.value}`;
  }
}

/**
 * text/tab-separated-values (SPARQL 1.1 TSV): a header of ?vars, then one line per solution with the
 * terms in Turtle syntax (`<iri>`, `"text"@en`, `"3"^^<...#integer>`, `_:b`), unbound as an empty
 * field; tab, newline and carriage return inside literals are escaped; lines end with LF.
 */
export function toTsv(r: SelectResult): string {
  const lines = [r.variables.map((v) => `?${v}`).join('\t')];
  for (const row of r.rows) lines.push(r.variables.map((v) => (row[v] ? turtleTerm(row[v]!) : '')).join('\t'));
  return `${lines.join('\n')}\n`;
}

/** An IRI shortened with the project's prefixes where one applies. */
export function compactIri(iri: string): string {
  let best: [string, string] | undefined;
  for (const [p, ns] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns) && /^[\w./-]*$/.test(iri.slice(ns.length)) && (!best || ns.length > best[1].length)) best = [p, ns];
  }
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : `<${iri}>`;
}

function cell(t: RDF.Term | undefined): string {
  if (!t) return '';
  if (t.termType === 'NamedNode') return compactIri(t.value);
  if (t.termType === 'BlankNode') return `_:${t.value}`;
  return t.value.replace(/\s+/g, ' ');
}

/** A table for the terminal: aligned columns, IRIs shortened, long values cut. */
export function toTable(r: SelectResult, maxWidth = 60): string {
  const cut = (s: string) => (s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s);
  const rows = r.rows.map((row: Row) => r.variables.map((v) => cut(cell(row[v]))));
  const widths = r.variables.map((v, i) => Math.max(v.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
  const out = [line(r.variables), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)];
  out.push(`(${r.rows.length} row${r.rows.length === 1 ? '' : 's'})`);
  return `${out.join('\n')}\n`;
}

/** SELECT results in a format. */
export function formatSelect(r: SelectResult, format: ResultFormat): string {
  switch (format) {
    case 'json':
      return toSparqlJson(r);
    case 'csv':
      return toCsv(r);
    case 'tsv':
      return toTsv(r);
    default:
      return toTable(r);
  }
}

/**
 * Any query result in an output format. A format that does not suit the result (turtle for a SELECT,
 * csv for a CONSTRUCT) is a UserError naming `name`; `table` shows a graph as Turtle.
 */
export async function formatResult(result: QueryResult, format: OutputFormat, name = 'query'): Promise<string> {
  if (!OUTPUT_FORMATS.includes(format)) throw new UserError(`--format: unknown format "${format}" (use ${OUTPUT_FORMATS.join(', ')})`);
  if (result.type === 'quads') {
    // jsonld.js is loaded only for JSON-LD output: a table or Turtle answer starts faster without it.
    if (format === 'jsonld') return (await import('../export/jsonld.js')).toJsonLd(result.quads);
    if (format === 'turtle' || format === 'table') return serializeQuads(result.quads, 'turtle');
    throw new UserError(`--format ${format}: ${name} is a CONSTRUCT or DESCRIBE query, whose answer is a graph; use turtle or jsonld`);
  }
  if (format === 'turtle' || format === 'jsonld') {
    const form = result.type === 'bindings' ? 'a SELECT' : 'an ASK';
    throw new UserError(`--format ${format}: ${name} is ${form} query, whose answer is a ${result.type === 'bindings' ? 'table' : 'boolean'}; use table, json, csv or tsv`);
  }
  return result.type === 'bindings' ? formatSelect(result, format) : formatBoolean(result.value, format);
}

/** ASK results in a format. */
export function formatBoolean(value: boolean, format: ResultFormat): string {
  switch (format) {
    case 'json':
      return booleanJson(value);
    case 'csv':
      return `_askResult\r\n${value}\r\n`;
    case 'tsv':
      return `?_askResult\n${value}\n`;
    default:
      return `${value ? 'yes' : 'no'}\n`;
  }
}
