/**
 * SPARQL 1.1 Query Results XML Format (application/sparql-results+xml) for SELECT and ASK results.
 * Characters that XML 1.0 cannot carry (most C0 controls) are written as U+FFFD.
 *
 * @example
 * res.end(toSparqlXml(await select(text, store)));
 */
import type * as RDF from '@rdfjs/types';
import type { SelectResult } from './engine.js';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANGSTRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

/** Text escaped for XML content and attribute values. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function xmlTerm(t: RDF.Term): string {
  if (t.termType === 'NamedNode') return `<uri>${xmlEscape(t.value)}</uri>`;
  if (t.termType === 'BlankNode') return `<bnode>${xmlEscape(t.value)}</bnode>`;
  const lit = t as RDF.Literal;
  if (lit.language) return `<literal xml:lang="${xmlEscape(lit.language)}">${xmlEscape(lit.value)}</literal>`;
  if (lit.datatype && lit.datatype.value !== XSD_STRING && lit.datatype.value !== RDF_LANGSTRING) {
    return `<literal datatype="${xmlEscape(lit.datatype.value)}">${xmlEscape(lit.value)}</literal>`;
  }
  return `<literal>${xmlEscape(lit.value)}</literal>`;
}

const HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n';

/** SELECT results as SPARQL Results XML; unbound variables are left out of a result. */
export function toSparqlXml(r: SelectResult): string {
  const out = [HEADER, '  <head>\n'];
  for (const v of r.variables) out.push(`    <variable name="${xmlEscape(v)}"/>\n`);
  out.push('  </head>\n  <results>\n');
  for (const row of r.rows) {
    out.push('    <result>\n');
    for (const v of r.variables) {
      const t = row[v];
      if (t) out.push(`      <binding name="${xmlEscape(v)}">${xmlTerm(t)}</binding>\n`);
    }
    out.push('    </result>\n');
  }
  out.push('  </results>\n</sparql>\n');
  return out.join('');
}

/** An ASK result as SPARQL Results XML. */
export function booleanXml(value: boolean): string {
  return `${HEADER}  <head/>\n  <boolean>${value}</boolean>\n</sparql>\n`;
}
