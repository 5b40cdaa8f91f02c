/**
 * The ontology as a part of the dataset, and the classes an RDFS reasoner would give.
 *
 * - `ontologyQuads()`: ontology/diplograph.ttl (classes, properties, labels, the agreement-status SKOS
 *   scheme, the alignments to schema.org, PROV-O, ORG and FOAF) in a named graph of its own, named by
 *   the ontology's IRI, so that `query`, `serve` and the exports see `rdfs:subClassOf` and the labels
 *   of the classes (the union domains and ranges as schema:domainIncludes / schema:rangeIncludes).
 * - `withSuperclasses(quads)`: each `?x a C` followed by `?x a S` in the same graph for every class S
 *   of our ontology above C (rdfs:subClassOf, transitively): a dialogue is also a dg:Meeting, a
 *   memorandum of understanding a dg:Agreement, a person a dg:Actor, a country a dg:Actor and a
 *   dg:Place. Computed from the ontology file, not from a list. Superclasses outside our namespace
 *   (schema:Event, prov:Agent, ...) are left to the ontology graph: `a/rdfs:subClassOf*` finds them.
 */
import type * as RDF from '@rdfjs/types';
import { Parser } from 'n3';
import { termKey } from './iris.js';
import { loadOntologyFile } from '../ontology-files.js';
import { DG_NS, DG_ONTOLOGY, PREFIXES, RDF as RDFNS, RDFS, factory } from '../vocab.js';

const OWL_UNION_OF = factory.namedNode(`${PREFIXES.owl}unionOf`);

/** The named graph that holds the ontology: the ontology's own IRI. */
export const ONTOLOGY_GRAPH = factory.namedNode(DG_ONTOLOGY);

const SCHEMA_INCLUDES = { domain: factory.namedNode('https://schema.org/domainIncludes'), range: factory.namedNode('https://schema.org/rangeIncludes') };

let ontology: RDF.Quad[] | undefined;

/**
 * The ontology's triples in its named graph; parsed once. The file's only blank nodes are the
 * `owl:unionOf` classes and datatypes that some properties have as domain or range; in the dataset
 * those are given as `schema:domainIncludes` / `schema:rangeIncludes` of each member instead (plain
 * triples that SPARQL reads, where an RDF list needs a path). So the graph has no blank node: it is
 * byte-identical from build to build, can be pushed to a store (stores relabel blank nodes), and
 * JSON-LD writes it in chunks like the rest.
 */
export function ontologyQuads(): RDF.Quad[] {
  if (ontology) return ontology;
  const file = new Parser().parse(loadOntologyFile('diplograph.ttl'));
  const objects = (s: RDF.Term, p: RDF.Term) => file.filter((q) => q.subject.equals(s) && q.predicate.equals(p)).map((q) => q.object);
  /** The members of an RDF list. */
  const members = (list: RDF.Term): RDF.Term[] => (list.equals(RDFNS.nil) ? [] : [...objects(list, RDFNS.first), ...objects(list, RDFNS.rest).flatMap(members)]);
  const out: RDF.Quad[] = [];
  for (const q of file) {
    if (q.subject.termType === 'BlankNode') continue;
    if (q.object.termType !== 'BlankNode') {
      out.push(factory.quad(q.subject, q.predicate, q.object, ONTOLOGY_GRAPH));
      continue;
    }
    const includes = q.predicate.equals(RDFS.domain) ? SCHEMA_INCLUDES.domain : q.predicate.equals(RDFS.range) ? SCHEMA_INCLUDES.range : undefined;
    const union = objects(q.object, OWL_UNION_OF)[0];
    if (!includes || !union) throw new Error(`ontology/diplograph.ttl: a blank node other than the union domain or range of a property (${q.subject.value})`);
    for (const m of members(union)) out.push(factory.quad(q.subject, includes, m as RDF.Quad_Object, ONTOLOGY_GRAPH));
  }
  return (ontology = out);
}

let supers: Map<string, RDF.NamedNode[]> | undefined;

/**
 * Each class of the ontology file, by IRI, with the classes of our namespace above it
 * (rdfs:subClassOf, transitively, through any class), sorted by IRI.
 */
export function superclasses(): Map<string, RDF.NamedNode[]> {
  if (supers) return supers;
  const direct = new Map<string, string[]>();
  for (const q of ontologyQuads()) {
    if (!q.predicate.equals(RDFS.subClassOf) || q.object.termType !== 'NamedNode') continue;
    const list = direct.get(q.subject.value) ?? [];
    list.push(q.object.value);
    direct.set(q.subject.value, list);
  }
  supers = new Map();
  for (const c of direct.keys()) {
    const seen = new Set<string>();
    const todo = [...direct.get(c)!];
    while (todo.length) {
      const s = todo.pop()!;
      if (seen.has(s) || s === c) continue;
      seen.add(s);
      todo.push(...(direct.get(s) ?? []));
    }
    const ours = [...seen].filter((s) => s.startsWith(DG_NS)).sort();
    if (ours.length) supers.set(c, ours.map((s) => factory.namedNode(s)));
  }
  return supers;
}

/**
 * The quads with, after them, the superclass types of every typed node, in the graph of the type it
 * comes from; a type already stated in that graph is not repeated.
 *
 * @example
 * withSuperclasses([quad(m, RDF.type, DG.Dialogue, g)]); // ... and quad(m, RDF.type, DG.Meeting, g)
 */
export function withSuperclasses(quads: RDF.Quad[]): RDF.Quad[] {
  const above = superclasses();
  const key = (s: RDF.Term, o: RDF.Term, g: RDF.Term) => `${termKey(s)} ${termKey(o)} ${termKey(g)}`;
  const typed = new Set<string>();
  for (const q of quads) if (q.predicate.equals(RDFNS.type)) typed.add(key(q.subject, q.object, q.graph));
  const out = quads.slice();
  for (const q of quads) {
    if (!q.predicate.equals(RDFNS.type) || q.object.termType !== 'NamedNode') continue;
    for (const s of above.get(q.object.value) ?? []) {
      const k = key(q.subject, s, q.graph);
      if (typed.has(k)) continue;
      typed.add(k);
      out.push(factory.quad(q.subject, RDFNS.type, s, q.graph));
    }
  }
  return out;
}

/**
 * The most specific of a node's classes: the one that no other of them is below. Ties (two classes
 * neither of which is below the other) go to the first in IRI order.
 */
export function mostSpecific(classes: Iterable<string>): string | undefined {
  const list = [...new Set(classes)].sort();
  const above = superclasses();
  return list.find((c) => !list.some((d) => d !== c && (above.get(d) ?? []).some((s) => s.value === c)));
}
