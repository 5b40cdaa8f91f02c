/**
 * Corrections that last. An analyst records a correction once, in data/corrections.ttl (Turtle, the
 * vocabulary of ontology/diplograph.ttl: dg:Correction), by `diplograph correct ...` or by hand, and
 * every build applies it after extraction and resolution:
 *
 * - merge (dg:Merge, dg:node A, dg:duplicate B): B's facts become A's, B is `owl:sameAs` A; B's names in
 *   a language A already has a name in become A's skos:altLabel;
 * - remove (dg:Remove, dg:factSubject/dg:factPredicate/dg:factObject): the fact leaves every graph, with
 *   the statements that record where it came from (and, for a type, the types only it gave);
 * - add (dg:Add, the same three): the fact is added;
 * - relabel (dg:Relabel, dg:node N, dg:newLabel L): N's name in L's language becomes an altLabel, L its name.
 *
 * Each correction says who (prov:wasAttributedTo), when (prov:generatedAtTime) and why (rdfs:comment).
 * The build puts every applied correction, and the facts it adds (each with an rdf:Statement
 * prov:wasDerivedFrom the correction), in the named graph `<base>graph/corrections`. A correction that
 * no longer matches anything (the duplicate is gone, the fact to remove is not there, the fact to add
 * is there already, the node already has that name) is not applied and is reported, with its line.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type * as RDF from '@rdfjs/types';
import { UserError, messageOf } from '../errors.js';
import { DEFAULT_BASE, DG, OWL, PREFIXES, PROV, RDF as RDFNS, RDFS, SKOS, XSD, factory } from '../vocab.js';
import { rebaseTerm, termKey } from './iris.js';
import { parseRdf } from './load.js';
import { superclasses } from './ontology-graph.js';

export type Action = 'merge' | 'remove' | 'add' | 'relabel';

const ACTIONS: Record<string, Action> = { [DG.Merge.value]: 'merge', [DG.Remove.value]: 'remove', [DG.Add.value]: 'add', [DG.Relabel.value]: 'relabel' };

/** One correction of the file. */
export interface Correction {
  iri: RDF.NamedNode;
  /** The line of the file where its description starts (0 when not found). */
  line: number;
  action: Action;
  /** merge: the node that stays; relabel: the node renamed. */
  node?: RDF.NamedNode;
  /** merge: the node merged into `node`. */
  duplicate?: RDF.NamedNode;
  /** remove, add: the fact. */
  fact?: { subject: RDF.NamedNode; predicate: RDF.NamedNode; object: RDF.Quad_Object };
  /** relabel: the new name. */
  label?: RDF.Literal;
  by: RDF.NamedNode;
  at: RDF.Literal;
  why: string;
  /** The triples of the file about the correction and its analyst, for the corrections graph. */
  description: RDF.Quad[];
}

/** A correction that matched nothing, and why. */
export interface StaleCorrection {
  correction: Correction;
  reason: string;
}

/** The named graph of the applied corrections and the facts they add. */
export function correctionsGraph(base: string = DEFAULT_BASE): RDF.NamedNode {
  return factory.namedNode(`${base}graph/corrections`);
}

/** A correction as a user reads it: `correction/3 (line 12, merge)`. */
export function correctionName(c: Correction, base: string = DEFAULT_BASE): string {
  const id = c.iri.value.startsWith(base) ? c.iri.value.slice(base.length) : `<${c.iri.value}>`;
  return `${id} (${c.line ? `line ${c.line}, ` : ''}${c.action})`;
}

/** The corrections of a file, in the order of the file; none when it does not exist. Errors name the file and the line. */
export function readCorrections(path: string, base: string = DEFAULT_BASE): Correction[] {
  return parseCorrections(correctionsText(path), path, base);
}

/** The text of a corrections file ('' when there is none); an error that names it when it cannot be read. */
export function correctionsText(path: string): string {
  if (!existsSync(path)) return '';
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${path}: cannot read the corrections file: ${code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : messageOf(error)}`, { cause: error });
  }
}

/** The corrections of a Turtle text (see readCorrections); `where` names it in errors. */
export function parseCorrections(text: string, where: string, base: string = DEFAULT_BASE): Correction[] {
  const quads = parseRdf(text, 'text/turtle', where, DEFAULT_BASE).map((q) =>
    factory.quad(rebaseTerm(q.subject, base) as RDF.Quad_Subject, q.predicate, rebaseTerm(q.object, base) as RDF.Quad_Object));
  const bySubject = new Map<string, RDF.Quad[]>();
  for (const q of quads) bySubject.set(termKey(q.subject), [...(bySubject.get(termKey(q.subject)) ?? []), q]);
  const prefixes = declaredPrefixes(text);
  const lineOf = (t: RDF.Term) => findLine(text, t, base, prefixes);
  const isCorrection = (qs: RDF.Quad[]) => qs.some((q) => (q.predicate.equals(RDFNS.type) && q.object.equals(DG.Correction)) || q.predicate.equals(DG.action));
  const out: Correction[] = [];
  const analysts = new Set<string>();
  for (const qs of bySubject.values()) {
    if (!isCorrection(qs)) continue;
    const c = correctionOf(qs, where, lineOf);
    analysts.add(termKey(c.by));
    out.push(c);
  }
  for (const [key, qs] of bySubject) {
    if (isCorrection(qs)) continue;
    const s = qs[0].subject;
    if (!analysts.has(key)) {
      throw new UserError(`${where}: line ${lineOf(s) || '?'}: <${s.value}> is neither a correction (a dg:Correction with a dg:action) nor the analyst of one; a correction needs \`a dg:Correction ; dg:action dg:Merge|dg:Remove|dg:Add|dg:Relabel\``);
    }
    for (const c of out) if (c.by.equals(s)) c.description.push(...qs);
  }
  return out.sort((a, b) => a.line - b.line || (a.iri.value < b.iri.value ? -1 : 1));
}

function correctionOf(qs: RDF.Quad[], where: string, lineOf: (t: RDF.Term) => number): Correction {
  const s = qs[0].subject;
  const line = lineOf(s);
  const fail = (msg: string) => new UserError(`${where}: line ${line || '?'}: correction <${s.value}>: ${msg}`);
  if (s.termType !== 'NamedNode') throw fail('a correction needs an IRI (such as <correction/1>), not a blank node');
  const values = (p: RDF.NamedNode) => qs.filter((q) => q.predicate.equals(p)).map((q) => q.object);
  const one = (p: RDF.NamedNode, what: string): RDF.Quad_Object => {
    const v = values(p);
    if (v.length !== 1) throw fail(`${v.length ? 'more than one' : 'no'} ${what} (${short(p)})`);
    return v[0];
  };
  const node = (p: RDF.NamedNode, what: string): RDF.NamedNode => {
    const v = one(p, what);
    if (v.termType !== 'NamedNode') throw fail(`the ${what} (${short(p)}) must be an IRI`);
    return v;
  };
  if (!values(RDFNS.type).some((t) => t.equals(DG.Correction))) throw fail('it is not typed dg:Correction (add `a dg:Correction`)');
  const actionTerm = one(DG.action, 'action');
  const action = ACTIONS[actionTerm.value];
  if (!action) throw fail(`unknown action ${short(actionTerm)} (use dg:Merge, dg:Remove, dg:Add or dg:Relabel)`);
  const why = one(RDFS.comment, 'reason');
  if (why.termType !== 'Literal' || !why.value.trim()) throw fail('the reason (rdfs:comment) must be a non-empty text');
  const at = one(PROV.generatedAtTime, 'time');
  if (at.termType !== 'Literal' || !at.datatype.equals(XSD.dateTime) || Number.isNaN(Date.parse(at.value))) throw fail('the time (prov:generatedAtTime) must be an xsd:dateTime such as "2026-12-04T08:30:00Z"^^xsd:dateTime');
  const c: Correction = { iri: s, line, action, by: node(PROV.wasAttributedTo, 'analyst'), at, why: why.value, description: qs.slice() };
  if (action === 'merge') {
    c.node = node(DG.node, 'node to keep');
    c.duplicate = node(DG.duplicate, 'duplicate');
    if (c.node.equals(c.duplicate)) throw fail('a node cannot be merged with itself');
  } else if (action === 'relabel') {
    c.node = node(DG.node, 'node');
    const label = one(DG.newLabel, 'new label');
    if (label.termType !== 'Literal' || !label.language || !label.value.trim()) throw fail('the new label (dg:newLabel) must be a non-empty text with a language tag, such as "Ngo Xuan Lich"@en');
    c.label = label;
  } else {
    const subject = node(DG.factSubject, 'fact subject');
    const predicate = node(DG.factPredicate, 'fact predicate');
    const object = one(DG.factObject, 'fact object');
    c.fact = { subject, predicate, object };
  }
  return c;
}

const short = (t: RDF.Term): string => {
  if (t.termType !== 'NamedNode') return t.termType === 'Literal' ? JSON.stringify(t.value) : t.value;
  const p = Object.entries(PREFIXES).find(([k, ns]) => k !== 'dgr' && t.value.startsWith(ns) && /^[\w-]+$/.test(t.value.slice(ns.length)));
  return p ? `${p[0]}:${t.value.slice(p[1].length)}` : `<${t.value}>`;
};

function declaredPrefixes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^\s*(?:@prefix|PREFIX)\s+([\w-]*):\s*<([^>]*)>/gim)) out[m[1]] = m[2];
  return out;
}

/** The first line where `t` starts a description: `<correction/1>`, `<https://...>` or `prefix:local` at the start of a line. */
function findLine(text: string, t: RDF.Term, base: string, prefixes: Record<string, string>): number {
  const value = t.value.startsWith(base) ? DEFAULT_BASE + t.value.slice(base.length) : t.value;
  const forms = [`<${value}>`];
  if (value.startsWith(DEFAULT_BASE)) forms.push(`<${value.slice(DEFAULT_BASE.length)}>`);
  for (const [p, ns] of Object.entries(prefixes)) if (value.startsWith(ns)) forms.push(`${p}:${value.slice(ns.length)}`);
  const lines = text.split('\n');
  const i = lines.findIndex((l) => forms.some((f) => l.trimStart().startsWith(f) && /^[\s;,.]|^$/.test(l.trimStart().slice(f.length))));
  return i + 1;
}

/** What applying the corrections did. */
export interface CorrectionReport {
  quads: RDF.Quad[];
  applied: Correction[];
  stale: StaleCorrection[];
}

/**
 * Applies the corrections in the order given to the quads of a build (which it does not change),
 * each to the result of those before. Returns the new quads, with the corrections graph at the end.
 */
export function applyCorrections(input: RDF.Quad[], corrections: Correction[], base: string = DEFAULT_BASE): CorrectionReport {
  let quads = input.slice();
  const graph = correctionsGraph(base);
  const added: RDF.Quad[] = [];
  const applied: Correction[] = [];
  const stale: StaleCorrection[] = [];
  for (const c of corrections) {
    const r = applyOne(quads, c);
    if (typeof r === 'string') {
      stale.push({ correction: c, reason: r });
      continue;
    }
    quads = r.quads;
    applied.push(c);
    for (const q of c.description) added.push(factory.quad(q.subject, q.predicate, q.object, graph));
    for (const t of r.add) {
      const fact = factory.quad(t.subject, t.predicate, t.object, graph);
      quads.push(fact);
      const st = factory.namedNode(`${c.iri.value}#f-${createHash('sha1').update(`${termKey(t.subject)} ${termKey(t.predicate)} ${termKey(t.object)}`).digest('hex').slice(0, 12)}`);
      added.push(
        factory.quad(st, RDFNS.type, RDFNS.Statement, graph), factory.quad(st, RDFNS.subject, t.subject, graph), factory.quad(st, RDFNS.predicate, t.predicate, graph),
        factory.quad(st, RDFNS.object, t.object, graph), factory.quad(st, PROV.wasDerivedFrom, c.iri, graph),
      );
    }
  }
  return { quads: applied.length ? dedupe([...quads, ...added]) : input, applied, stale };
}

type Triple = { subject: RDF.Quad_Subject; predicate: RDF.Quad_Predicate; object: RDF.Quad_Object };

const appears = (quads: RDF.Quad[], n: RDF.Term) => quads.some((q) => q.subject.equals(n) || q.object.equals(n));
const same = (q: RDF.Quad, t: Triple) => q.subject.equals(t.subject) && q.predicate.equals(t.predicate) && q.object.equals(t.object);

/** The statements (rdf:Statement nodes) of the quads, by the key of the triple they record. */
function statementsOf(quads: RDF.Quad[]): Map<string, { subject?: RDF.Term; predicate?: RDF.Term; object?: RDF.Term }> {
  const parts = new Map<string, { subject?: RDF.Term; predicate?: RDF.Term; object?: RDF.Term }>();
  for (const q of quads) {
    const part = q.predicate.equals(RDFNS.subject) ? 'subject' : q.predicate.equals(RDFNS.predicate) ? 'predicate' : q.predicate.equals(RDFNS.object) ? 'object' : undefined;
    if (!part) continue;
    const k = termKey(q.subject);
    parts.set(k, { ...parts.get(k), [part]: q.object });
  }
  return parts;
}

/** The keys of the statement nodes that record one of the triples. */
function recording(quads: RDF.Quad[], triples: Triple[]): Set<string> {
  const wanted = new Set(triples.map((t) => `${termKey(t.subject)} ${termKey(t.predicate)} ${termKey(t.object)}`));
  const out = new Set<string>();
  for (const [k, p] of statementsOf(quads)) if (p.subject && p.predicate && p.object && wanted.has(`${termKey(p.subject)} ${termKey(p.predicate)} ${termKey(p.object)}`)) out.add(k);
  return out;
}

/** Applies one correction: the new quads and the facts to add, or why it matches nothing. */
function applyOne(quads: RDF.Quad[], c: Correction): { quads: RDF.Quad[]; add: Triple[] } | string {
  switch (c.action) {
    case 'merge':
      return merge(quads, c.node!, c.duplicate!);
    case 'relabel':
      return relabel(quads, c.node!, c.label!);
    case 'remove':
      return remove(quads, c.fact!);
    case 'add': {
      const { subject, predicate, object } = c.fact!;
      if (quads.some((q) => same(q, c.fact!))) return 'the graph has this fact already';
      if (!predicate.equals(RDFNS.type) && !appears(quads, subject)) return `<${subject.value}> is in no fact of the graph`;
      const add: Triple[] = [c.fact!];
      if (predicate.equals(RDFNS.type)) for (const s of superclasses().get(object.value) ?? []) if (!quads.some((q) => same(q, { subject, predicate, object: s }))) add.push({ subject, predicate, object: s });
      return { quads, add };
    }
  }
}

/** The labels of a node: rdfs:label, or skos:prefLabel for a concept that has no rdfs:label. */
function labelPredicate(quads: RDF.Quad[], n: RDF.Term): RDF.NamedNode {
  const has = (p: RDF.NamedNode) => quads.some((q) => q.subject.equals(n) && q.predicate.equals(p));
  return !has(RDFS.label) && has(SKOS.prefLabel) ? SKOS.prefLabel : RDFS.label;
}

/** Turns the given labels of a node (and the statements that record them) into skos:altLabel. */
function toAltLabels(quads: RDF.Quad[], demoted: Triple[]): RDF.Quad[] {
  if (!demoted.length) return quads;
  const statements = recording(quads, demoted);
  return quads.map((q) => {
    if (demoted.some((t) => same(q, t))) return factory.quad(q.subject, SKOS.altLabel, q.object, q.graph);
    if (q.predicate.equals(RDFNS.predicate) && statements.has(termKey(q.subject))) return factory.quad(q.subject, q.predicate, SKOS.altLabel, q.graph);
    return q;
  });
}

/** The properties a node has one value of (the shapes say so): in a merge, the kept node's value wins. */
const SINGLE = [DG.date, DG.startDate, DG.endDate, DG.dateText, DG.ordinal, DG.location, DG.partOf, DG.nationality];

/** The kinds of which a node has one (a meeting is a talks or a visit, an agreement a charter or a memorandum): in a merge, the kept node's kind wins. */
const KINDED = [DG.Meeting, DG.Agreement];

function merge(input: RDF.Quad[], keep: RDF.NamedNode, dup: RDF.NamedNode): { quads: RDF.Quad[]; add: Triple[] } | string {
  if (!appears(input, dup)) return `the duplicate <${dup.value}> is in no fact of the graph (already one node, or named otherwise now)`;
  if (!appears(input, keep)) return `the node to keep <${keep.value}> is in no fact of the graph`;
  // The duplicate's value of a single-valued property the kept node has, and its kind when both are
  // meetings (or agreements) of different kinds, give way to the kept node's, with their statements.
  const keepProps = new Set(input.filter((q) => q.subject.equals(keep)).map((q) => q.predicate.value));
  const types = (n: RDF.Term) => new Set(input.filter((q) => q.subject.equals(n) && q.predicate.equals(RDFNS.type)).map((q) => q.object.value));
  const [keepTypes, dupTypes] = [types(keep), types(dup)];
  const kinded = KINDED.some((c) => keepTypes.has(c.value) && dupTypes.has(c.value));
  const yields = (q: RDF.Quad) => q.subject.equals(dup)
    && ((keepProps.has(q.predicate.value) && SINGLE.some((p) => q.predicate.equals(p))) || (kinded && q.predicate.equals(RDFNS.type) && !keepTypes.has(q.object.value)));
  const gone = input.filter(yields).map((q) => ({ subject: q.subject, predicate: q.predicate, object: q.object }));
  const statements = recording(input, gone);
  const quads = gone.length ? input.filter((q) => !yields(q) && !statements.has(termKey(q.subject))) : input;
  const labelP = labelPredicate(quads, keep);
  const langs = new Set(quads.filter((q) => q.subject.equals(keep) && q.predicate.equals(labelP) && q.object.termType === 'Literal').map((q) => (q.object as RDF.Literal).language));
  const swap = <T extends RDF.Term>(t: T): T => (t.equals(dup) ? (keep as unknown as T) : t);
  const moved = quads.map((q) => (q.subject.equals(dup) || q.object.equals(dup) ? factory.quad(swap(q.subject), q.predicate, swap(q.object), q.graph) : q));
  // The duplicate's names in a language the node is named in already become the node's other names.
  const demoted = quads.filter((q) => q.subject.equals(dup) && q.predicate.equals(labelP) && q.object.termType === 'Literal' && langs.has(q.object.language))
    .map((q) => ({ subject: keep, predicate: labelP, object: q.object }))
    .filter((t) => !quads.some((q) => same(q, t)));
  return { quads: dedupe(toAltLabels(moved, demoted)), add: [{ subject: dup, predicate: OWL.sameAs, object: keep }] };
}

function relabel(quads: RDF.Quad[], n: RDF.NamedNode, label: RDF.Literal): { quads: RDF.Quad[]; add: Triple[] } | string {
  if (!appears(quads, n)) return `<${n.value}> is in no fact of the graph`;
  const p = labelPredicate(quads, n);
  const current = quads.filter((q) => q.subject.equals(n) && q.predicate.equals(p) && q.object.termType === 'Literal' && q.object.language === label.language);
  if (current.length && current.every((q) => q.object.equals(label))) return `<${n.value}> is named "${label.value}"@${label.language} already`;
  const demoted = current.filter((q) => !q.object.equals(label)).map((q) => ({ subject: n, predicate: p, object: q.object }));
  return { quads: dedupe(toAltLabels(quads, demoted)), add: [{ subject: n, predicate: p, object: label }] };
}

function remove(quads: RDF.Quad[], fact: Triple): { quads: RDF.Quad[]; add: Triple[] } | string {
  if (!quads.some((q) => same(q, fact))) return 'the graph has no such fact';
  const gone: Triple[] = [fact];
  if (fact.predicate.equals(RDFNS.type)) {
    // The types only this one gave (a person's dg:Actor) go with it; those another type gives stay.
    const above = superclasses();
    const others = quads.filter((q) => q.subject.equals(fact.subject) && q.predicate.equals(RDFNS.type) && !q.object.equals(fact.object)).map((q) => q.object.value);
    const kept = new Set(others.flatMap((o) => (above.get(o) ?? []).map((s) => s.value)));
    for (const s of above.get(fact.object.value) ?? []) if (!kept.has(s.value)) gone.push({ ...fact, object: s });
  }
  const statements = recording(quads, gone);
  return { quads: quads.filter((q) => !gone.some((t) => same(q, t)) && !statements.has(termKey(q.subject))), add: [] };
}

function dedupe(quads: RDF.Quad[]): RDF.Quad[] {
  const seen = new Set<string>();
  return quads.filter((q) => {
    const k = `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)} ${termKey(q.graph)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The nodes a correction changes, for naming it when the corrected graph breaks a shape. */
export function touchedNodes(c: Correction): string[] {
  return [c.node, c.duplicate, c.fact?.subject, c.fact?.object].filter((t): t is RDF.NamedNode => t?.termType === 'NamedNode').map((t) => t.value);
}
