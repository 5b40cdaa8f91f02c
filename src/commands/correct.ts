/**
 * `diplograph correct`: records an analyst's correction in data/corrections.ttl, which every later
 * build applies (src/graph/corrections.ts). Nodes are given by any of their names or by their IRIs,
 * checked against the built graph; the correction is tried on that graph first, and refused when it
 * would change nothing or break the shapes. The file is rewritten atomically (a temporary file renamed
 * over it), so it is never left half-written.
 */
import { userInfo } from 'node:os';
import type * as RDF from '@rdfjs/types';
import { Store } from 'n3';
import { parse } from '../cli.js';
import { UserError } from '../errors.js';
import { applyCorrections, correctionsText, parseCorrections, readCorrections, type Correction } from '../graph/corrections.js';
import { readGraphFile } from '../graph/load.js';
import { ontologyQuads } from '../graph/ontology-graph.js';
import { formatReport, validateShapes } from '../graph/validate.js';
import { writeFileAtomic } from '../io.js';
import { resolveNode } from '../query/names.js';
import { didYouMean } from '../suggest.js';
import { DEFAULT_BASE, DG, PREFIXES, RDF as RDFNS, RDFS, SKOS, XSD, factory } from '../vocab.js';
import { slug } from '../extract/tokens.js';

export const CORRECT_USAGE = `Usage:
  diplograph correct merge KEEP DUPLICATE --why TEXT [--by NAME]     two nodes are one: DUPLICATE's facts become KEEP's
  diplograph correct remove SUBJECT PREDICATE OBJECT --why TEXT [--by NAME]   a wrong fact
  diplograph correct add SUBJECT PREDICATE OBJECT --why TEXT [--by NAME]      a missing fact
  diplograph correct relabel NODE LABEL --why TEXT [--by NAME]       another name (the old one is kept as skos:altLabel)
  diplograph correct list
Options: [--file data/corrections.ttl] [--graph data/graph.trig]
  Nodes are names or IRIs (person/ngo-xuan-lich, <https://...>); a PREDICATE is dg:participant, rdfs:label, a, ...;
  an OBJECT is a node, a class (dg:Person) or a literal ("2019-03-14"^^xsd:date, "text"@en, or plain text).
  The correction is recorded in --file; \`diplograph build\` applies it, and every later build.`;

const ARITY: Record<string, number> = { merge: 2, remove: 3, add: 3, relabel: 2, list: 0 };

export const CORRECTIONS_HEADER = `# Corrections to the graph: every \`diplograph build\` applies them after extraction and resolution, in
# the order of this file, and reports those that no longer match anything (with their line).
# Written by \`diplograph correct merge|remove|add|relabel ...\` or by hand; each says what it does
# (dg:action), who made it (prov:wasAttributedTo), when (prov:generatedAtTime) and why (rdfs:comment).
# Relative IRIs are under the base below: <person/ngo-xuan-lich>. See the README, "Corrections".
@base <${DEFAULT_BASE}> .
@prefix dg: <${PREFIXES.dg}> .
@prefix rdf: <${PREFIXES.rdf}> .
@prefix rdfs: <${PREFIXES.rdfs}> .
@prefix skos: <${PREFIXES.skos}> .
@prefix prov: <${PREFIXES.prov}> .
@prefix xsd: <${PREFIXES.xsd}> .
`;

/** `diplograph correct`: see CORRECT_USAGE; returns the exit code. */
export async function correctCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('correct', argv, {
    why: { type: 'string' },
    by: { type: 'string' },
    file: { type: 'string', default: 'data/corrections.ttl' },
    graph: { type: 'string', default: 'data/graph.trig' },
  }, 4);
  if (values.help) {
    process.stdout.write(`${CORRECT_USAGE}\n`);
    return 0;
  }
  const [action, ...args] = positionals;
  if (action === undefined) throw new UserError(`correct: give an action: merge, remove, add, relabel or list\n${CORRECT_USAGE}`, { exitCode: 2 });
  if (!(action in ARITY)) throw new UserError(`correct: unknown action "${action}"${didYouMean(action, Object.keys(ARITY))} (use merge, remove, add, relabel or list)`, { exitCode: 2 });
  if (args.length !== ARITY[action]) {
    throw new UserError(`correct ${action}: ${ARITY[action]} argument${ARITY[action] === 1 ? '' : 's'} expected, ${args.length} given (see diplograph correct --help)`, { exitCode: 2 });
  }
  const file = values.file as string;
  if (action === 'list') {
    process.stdout.write(listCorrections(readCorrections(file)));
    return 0;
  }
  const why = (values.why as string | undefined)?.trim();
  if (!why) throw new UserError(`correct ${action}: --why is required: say why the graph is wrong (it is kept with the correction)`, { exitCode: 2 });
  const by = ((values.by as string | undefined) ?? process.env.DIPLOGRAPH_ANALYST ?? loginName()).trim();
  if (!slug(by)) throw new UserError(`correct ${action}: ${by ? `--by "${by}" has no letter or digit to name the analyst by` : 'say who makes the correction: --by NAME (or DIPLOGRAPH_ANALYST)'}`, { exitCode: 2 });

  const quads = readGraphFile(values.graph as string);
  const store = new Store(quads);
  const body = describeCorrection(action, args, store);
  const existing = correctionsText(file);
  const earlier = parseCorrections(existing, file);
  const n = Math.max(0, ...earlier.map((c) => Number(/correction\/(\d+)$/.exec(c.iri.value)?.[1] ?? 0))) + 1;
  const analyst = `analyst/${slug(by)}`;
  const block = `\n<correction/${n}> a dg:Correction ;\n${body.map((l) => `  ${l} ;\n`).join('')}  rdfs:comment ${literalText(factory.literal(why, 'en'))} ;\n`
    + `  prov:wasAttributedTo <${analyst}> ;\n  prov:generatedAtTime "${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}"^^xsd:dateTime .\n`
    + `<${analyst}> a prov:Agent ; rdfs:label ${literalText(factory.literal(by))} .\n`;
  // A file written by hand may lack the declarations the block uses: they are added before it.
  const missing = CORRECTIONS_HEADER.split('\n').filter((l) => l.startsWith('@') && !existing.split('\n').some((e) => e.trim() === l)).join('\n');
  const text = existing ? `${existing.replace(/\n*$/, '\n')}${missing ? `\n${missing}\n` : ''}${block}` : `${CORRECTIONS_HEADER}${block}`;
  const all = parseCorrections(text, file);
  const added = all.find((c) => c.iri.value === `${DEFAULT_BASE}correction/${n}`)!;
  await tryOnGraph(quads, all, added);
  writeFileAtomic(file, text);
  process.stdout.write(`recorded correction/${n} (${action}) in ${file}, line ${added.line}; \`diplograph build\` applies it\n`);
  return 0;
}

/** The login name of the user, or '' where the system has none (a container without a passwd entry). */
function loginName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? '';
  }
}

/** The lines of a correction's description (without its reason and provenance), checked against the graph. */
function describeCorrection(action: string, args: string[], store: Store): string[] {
  const node = (what: string, value: string) => resolveNode(`correct ${action}: ${what}`, value, store);
  switch (action) {
    case 'merge': {
      const keep = node('KEEP', args[0]);
      const dup = node('DUPLICATE', args[1]);
      if (keep.equals(dup)) throw new UserError(`correct merge: "${args[0]}" and "${args[1]}" are one node already (<${keep.value}>)`);
      return ['dg:action dg:Merge', `dg:node ${termText(keep)}`, `dg:duplicate ${termText(dup)}`];
    }
    case 'relabel': {
      const n = node('NODE', args[0]);
      const label = parseLiteral(args[1], 'en');
      if (label.termType !== 'Literal' || !label.language) throw new UserError(`correct relabel: LABEL must be a text, with a language tag if not English ("Tên"@vi)`, { exitCode: 2 });
      return ['dg:action dg:Relabel', `dg:node ${termText(n)}`, `dg:newLabel ${termText(label)}`];
    }
    default: {
      const s = node('SUBJECT', args[0]);
      const p = predicate(action, args[1]);
      const o = object(action, p, args[2], store);
      return [`dg:action ${action === 'add' ? 'dg:Add' : 'dg:Remove'}`, `dg:factSubject ${termText(s)}`, `dg:factPredicate ${termText(p)}`, `dg:factObject ${termText(o)}`];
    }
  }
}

/** The properties a correction may name: those of the ontology, rdf:type and the SKOS and RDFS labels. */
function properties(): Map<string, { iri: RDF.NamedNode; object: boolean; range?: string }> {
  const onto = ontologyQuads();
  const out = new Map<string, { iri: RDF.NamedNode; object: boolean; range?: string }>();
  const OWL = PREFIXES.owl;
  for (const q of onto) {
    if (!q.predicate.equals(RDFNS.type) || !q.subject.value.startsWith(PREFIXES.dg)) continue;
    if (q.object.value !== `${OWL}ObjectProperty` && q.object.value !== `${OWL}DatatypeProperty`) continue;
    const range = onto.find((r) => r.subject.equals(q.subject) && r.predicate.equals(RDFS.range) && r.object.termType === 'NamedNode')?.object.value;
    out.set(`dg:${q.subject.value.slice(PREFIXES.dg.length)}`, { iri: q.subject as RDF.NamedNode, object: q.object.value === `${OWL}ObjectProperty`, range });
  }
  out.set('rdf:type', { iri: RDFNS.type, object: true });
  for (const [name, iri] of [['rdfs:label', RDFS.label], ['skos:altLabel', SKOS.altLabel], ['skos:prefLabel', SKOS.prefLabel]] as const) out.set(name, { iri, object: false, range: `${PREFIXES.rdf}langString` });
  return out;
}

function predicate(action: string, value: string): RDF.NamedNode {
  const known = properties();
  const v = value.replace(/^<(.*)>$/, '$1');
  const name = v === 'a' ? 'rdf:type' : /^[a-z]+:[^/]/i.test(v) && !v.includes('://') ? v : !v.includes(':') ? `dg:${v}` : [...known].find(([, p]) => p.iri.value === v)?.[0] ?? v;
  const p = known.get(name);
  if (!p) throw new UserError(`correct ${action}: PREDICATE "${value}" is no property of the graph${didYouMean(name, known.keys())} (properties: dg:participant, rdfs:label, a, ...)`, { exitCode: 2 });
  return p.iri;
}

function object(action: string, p: RDF.NamedNode, value: string, store: Store): RDF.Quad_Object {
  const props = [...properties().values()];
  const prop = props.find((x) => x.iri.equals(p))!;
  if (p.equals(RDFNS.type)) {
    const classes = ontologyQuads().filter((q) => q.predicate.equals(RDFNS.type) && q.object.value === `${PREFIXES.owl}Class` && q.subject.value.startsWith(PREFIXES.dg)).map((q) => `dg:${q.subject.value.slice(PREFIXES.dg.length)}`);
    const name = value.replace(/^<(.*)>$/, '$1').replace(PREFIXES.dg, 'dg:');
    const c = name.includes(':') ? name : `dg:${name}`;
    if (!classes.includes(c)) throw new UserError(`correct ${action}: OBJECT "${value}" is no class of the ontology${didYouMean(c, classes)}`, { exitCode: 2 });
    return factory.namedNode(PREFIXES.dg + c.slice(3));
  }
  if (prop.object) return resolveNode(`correct ${action}: OBJECT`, value, store);
  if (value.startsWith('"')) return parseLiteral(value, undefined);
  if (p.equals(DG.date)) return dateLiteral(action, value);
  const range = prop.range ?? '';
  if (range.endsWith('langString')) return factory.literal(value, 'en');
  if (range === XSD.integer.value && !/^-?\d+$/.test(value)) throw new UserError(`correct ${action}: OBJECT "${value}" is not an integer`, { exitCode: 2 });
  if (range === XSD.date.value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UserError(`correct ${action}: OBJECT "${value}" is not a date (YYYY-MM-DD)`, { exitCode: 2 });
  return factory.literal(value, range.startsWith(PREFIXES.xsd) ? factory.namedNode(range) : undefined);
}

function dateLiteral(action: string, value: string): RDF.Literal {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return factory.literal(value, XSD.date);
  if (/^\d{4}-\d{2}$/.test(value)) return factory.literal(value, XSD.gYearMonth);
  if (/^\d{4}$/.test(value)) return factory.literal(value, XSD.gYear);
  throw new UserError(`correct ${action}: OBJECT "${value}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`, { exitCode: 2 });
}

/** A literal from the command line: `"text"@lang`, `"v"^^xsd:type`, or plain text (with `lang` when given). */
function parseLiteral(value: string, lang: string | undefined): RDF.Literal {
  const m = /^"((?:[^"\\]|\\.)*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?:<([^>]+)>|([a-z]+):(\w+)))?$/s.exec(value);
  if (!m) return factory.literal(value, lang);
  const text = m[1].replace(/\\(.)/g, '$1');
  if (m[2]) return factory.literal(text, m[2]);
  const dt = m[3] ?? (m[4] ? `${PREFIXES[m[4]] ?? ''}${m[5]}` : undefined);
  return factory.literal(text, dt ? factory.namedNode(dt) : undefined);
}

/** A term as the corrections file writes it: relative IRIs under the base, prefixed names, Turtle literals. */
function termText(t: RDF.Term): string {
  if (t.termType === 'Literal') return literalText(t);
  if (t.value.startsWith(DEFAULT_BASE)) return `<${t.value.slice(DEFAULT_BASE.length)}>`;
  const p = Object.entries(PREFIXES).find(([k, ns]) => k !== 'dgr' && t.value.startsWith(ns) && /^[A-Za-z_][\w-]*$/.test(t.value.slice(ns.length)));
  return p ? `${p[0]}:${t.value.slice(p[1].length)}` : `<${t.value}>`;
}

function literalText(l: RDF.Literal): string {
  const text = `"${l.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
  if (l.language) return `${text}@${l.language}`;
  if (l.datatype.equals(XSD.string)) return text;
  return `${text}^^${termText(l.datatype)}`;
}

/**
 * Applies the corrections of the file to the built graph (those already applied by its build change
 * nothing more), then the new one: refused when it changes nothing or breaks the shapes.
 */
async function tryOnGraph(quads: RDF.Quad[], all: Correction[], c: Correction): Promise<void> {
  const before = applyCorrections(quads, all.filter((x) => x !== c)).quads;
  const r = applyCorrections(before, [c]);
  if (r.stale.length) throw new UserError(`correct ${c.action}: nothing to correct: ${r.stale[0].reason}; nothing was recorded`);
  const report = await validateShapes(r.quads);
  if (!report.conforms) throw new UserError(`correct ${c.action}: refused: the graph would not conform to ontology/shapes.ttl; nothing was recorded:\n${formatReport(report)}`);
}

/** The corrections of a file, one line each: id, line, action, what, who, when, why. */
export function listCorrections(list: Correction[]): string {
  if (!list.length) return 'no corrections\n';
  const rel = (t?: RDF.Term) => (t ? termText(t) : '');
  return list.map((c) => {
    const what = c.action === 'merge' ? `${rel(c.duplicate)} into ${rel(c.node)}` : c.action === 'relabel' ? `${rel(c.node)} as ${rel(c.label)}` : `${rel(c.fact!.subject)} ${rel(c.fact!.predicate)} ${rel(c.fact!.object)}`;
    return `${rel(c.iri)}\tline ${c.line}\t${c.action}\t${what}\tby ${rel(c.by)}\t${c.at.value}\t${c.why}\n`;
  }).join('');
}
