/**
 * The files of ontology/: the OWL ontology declares exactly the dg: terms of src/vocab.ts, the
 * cooperation areas form a clean SKOS scheme, and the JSON-LD context covers every property.
 */
import { strict as assert } from 'node:assert';
import type * as RDF from '@rdfjs/types';
import jsonld from 'jsonld';
import { Parser, Writer } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { loadOntologyFile } from '../src/ontology-files.js';
import { DG_NS, DG_ONTOLOGY, DG_TERMS, PREFIXES } from '../src/vocab.js';

const OWL = PREFIXES.owl;
const RDF_TYPE = `${PREFIXES.rdf}type`;
const LABEL = `${PREFIXES.rdfs}label`;
const COMMENT = `${PREFIXES.rdfs}comment`;
const DEFINED_BY = `${PREFIXES.rdfs}isDefinedBy`;
const SKOS = PREFIXES.skos;
const SCHEME = 'https://w3id.org/diplograph/id/area/';

const parse = (name: 'diplograph.ttl' | 'areas.ttl' | 'shapes.ttl'): RDF.Quad[] => new Parser().parse(loadOntologyFile(name));
const objects = (quads: RDF.Quad[], s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);
const subjects = (quads: RDF.Quad[], p: string, o: string) => quads.filter((q) => q.predicate.value === p && q.object.value === o).map((q) => q.subject.value);
const english = (terms: RDF.Term[]) => terms.filter((t) => t.termType === 'Literal' && t.language === 'en');

describe('the ontology files', () => {
  it('parse as Turtle', () => {
    for (const name of ['diplograph.ttl', 'areas.ttl', 'shapes.ttl'] as const) assert.ok(parse(name).length > 50, name);
  });

  describe('diplograph.ttl', () => {
    const onto = parse('diplograph.ttl');
    const declared = new Set(onto.filter((q) => q.subject.value.startsWith(DG_NS) && q.predicate.value === RDF_TYPE).map((q) => q.subject.value.slice(DG_NS.length)));

    it('is an owl:Ontology with a title, a description, a version, a licence and a creation date', () => {
      assert.ok(subjects(onto, RDF_TYPE, `${OWL}Ontology`).includes(DG_ONTOLOGY));
      for (const p of [`${PREFIXES.dcterms}title`, `${PREFIXES.dcterms}description`, `${OWL}versionInfo`, `${PREFIXES.dcterms}license`, `${PREFIXES.dcterms}created`]) {
        assert.equal(objects(onto, DG_ONTOLOGY, p).length, 1, p);
      }
    });

    it('declares every dg: term of src/vocab.ts with an English label, an English comment and rdfs:isDefinedBy', () => {
      for (const term of DG_TERMS) {
        const iri = DG_NS + term;
        assert.ok(declared.has(term), `dg:${term} is not declared in ontology/diplograph.ttl`);
        assert.equal(english(objects(onto, iri, LABEL)).length, 1, `dg:${term} needs one rdfs:label@en`);
        assert.equal(english(objects(onto, iri, COMMENT)).length, 1, `dg:${term} needs one rdfs:comment@en`);
        assert.deepEqual(objects(onto, iri, DEFINED_BY).map((o) => o.value), [DG_ONTOLOGY], `dg:${term} needs rdfs:isDefinedBy`);
      }
    });

    it('declares no dg: term that src/vocab.ts does not know', () => {
      const known = new Set<string>(DG_TERMS);
      const mentioned = new Set(onto.flatMap((q) => [q.subject, q.predicate, q.object]).filter((t) => t.termType === 'NamedNode' && t.value.startsWith(DG_NS)).map((t) => t.value.slice(DG_NS.length)));
      for (const term of mentioned) assert.ok(known.has(term), `dg:${term} is in ontology/diplograph.ttl but not in DG_TERMS`);
    });

    it('gives each term exactly one OWL kind, so OWL 2 DL tools see no punning', () => {
      const kinds = [`${OWL}Class`, `${OWL}ObjectProperty`, `${OWL}DatatypeProperty`, `${OWL}AnnotationProperty`, `${OWL}NamedIndividual`];
      const all = new Set(onto.filter((q) => q.predicate.value === RDF_TYPE && kinds.includes(q.object.value) && q.subject.termType === 'NamedNode').map((q) => q.subject.value));
      for (const iri of all) {
        const own = objects(onto, iri, RDF_TYPE).map((o) => o.value).filter((k) => kinds.includes(k));
        assert.equal(own.length, 1, `${iri} is declared as ${own.join(' and ')}`);
      }
    });

    it('declares every external class and property it uses in an axiom', () => {
      const declaredAll = new Set(onto.filter((q) => q.predicate.value === RDF_TYPE).map((q) => q.subject.value));
      const axioms = [`${PREFIXES.rdfs}subClassOf`, `${PREFIXES.rdfs}subPropertyOf`, `${PREFIXES.rdfs}domain`, `${PREFIXES.rdfs}range`];
      const builtIn = [PREFIXES.xsd, PREFIXES.rdf, OWL];
      for (const q of onto.filter((x) => axioms.includes(x.predicate.value) && x.object.termType === 'NamedNode')) {
        if (builtIn.some((ns) => q.object.value.startsWith(ns))) continue;
        assert.ok(declaredAll.has(q.object.value), `${q.object.value} is used but not declared`);
      }
    });

    it('gives the six agreement statuses an English prefLabel in dg:AgreementStatusScheme', () => {
      const labels: Record<string, string> = { Signed: 'signed', Concluded: 'concluded', Negotiated: 'negotiated', Proposed: 'proposed', InForce: 'in force', Mentioned: 'mentioned' };
      assert.ok(subjects(onto, RDF_TYPE, `${SKOS}ConceptScheme`).includes(`${DG_NS}AgreementStatusScheme`));
      for (const [term, label] of Object.entries(labels)) {
        const iri = DG_NS + term;
        const types = objects(onto, iri, RDF_TYPE).map((o) => o.value);
        assert.ok(types.includes(`${DG_NS}AgreementStatus`) && types.includes(`${SKOS}Concept`), `dg:${term} types`);
        assert.deepEqual(english(objects(onto, iri, `${SKOS}prefLabel`)).map((o) => o.value), [label]);
        assert.deepEqual(objects(onto, iri, `${SKOS}inScheme`).map((o) => o.value), [`${DG_NS}AgreementStatusScheme`]);
      }
    });
  });

  describe('areas.ttl', () => {
    const areas = parse('areas.ttl');
    const concepts = subjects(areas, RDF_TYPE, `${SKOS}Concept`);

    it('is a concept scheme of at least forty cooperation areas, each typed dg:CooperationArea', () => {
      assert.ok(subjects(areas, RDF_TYPE, `${SKOS}ConceptScheme`).includes(SCHEME));
      assert.ok(concepts.length >= 40, `${concepts.length} concepts`);
      for (const c of concepts) assert.ok(objects(areas, c, RDF_TYPE).some((o) => o.value === `${DG_NS}CooperationArea`), c);
    });

    it('gives every concept one English prefLabel whose kebab case is its slug, a definition, and the scheme', () => {
      for (const c of concepts) {
        const pref = english(objects(areas, c, `${SKOS}prefLabel`));
        assert.equal(pref.length, 1, `${c} needs exactly one prefLabel@en`);
        assert.equal(c, SCHEME + pref[0].value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''));
        assert.equal(english(objects(areas, c, `${SKOS}definition`)).length, 1, `${c} needs a definition@en`);
        assert.deepEqual(objects(areas, c, `${SKOS}inScheme`).map((o) => o.value), [SCHEME], `${c} inScheme`);
      }
    });

    it('states broader and narrower in both directions, and top concepts from both sides', () => {
      for (const q of areas.filter((x) => x.predicate.value === `${SKOS}broader`)) {
        assert.ok(objects(areas, q.object.value, `${SKOS}narrower`).some((o) => o.equals(q.subject)), `${q.object.value} skos:narrower ${q.subject.value}`);
      }
      for (const q of areas.filter((x) => x.predicate.value === `${SKOS}narrower`)) {
        assert.ok(objects(areas, q.object.value, `${SKOS}broader`).some((o) => o.equals(q.subject)), `${q.object.value} skos:broader ${q.subject.value}`);
      }
      const tops = new Set(objects(areas, SCHEME, `${SKOS}hasTopConcept`).map((o) => o.value));
      for (const c of concepts) {
        const isTop = objects(areas, c, `${SKOS}topConceptOf`).some((o) => o.value === SCHEME);
        assert.equal(tops.has(c), isTop, `${c}: hasTopConcept and topConceptOf disagree`);
        assert.equal(isTop, objects(areas, c, `${SKOS}broader`).length === 0, `${c}: a concept is a top concept exactly when it has no broader one`);
      }
    });

    it('never gives one phrasing to two concepts', () => {
      const owner = new Map<string, string>();
      for (const q of areas.filter((x) => x.predicate.value === `${SKOS}altLabel` || x.predicate.value === `${SKOS}prefLabel`)) {
        if (q.subject.value === SCHEME) continue;
        const key = q.object.value.toLowerCase();
        const other = owner.get(key);
        assert.ok(other === undefined || other === q.subject.value, `"${q.object.value}" labels both ${other} and ${q.subject.value}`);
        owner.set(key, q.subject.value);
      }
    });

    it('has no altLabel that is a generic word alone', () => {
      const generic = new Set(['cooperation', 'security', 'defence', 'defense', 'military', 'dialogue', 'exchange', 'exchanges', 'visit', 'visits', 'meeting', 'talks', 'agreement', 'navy', 'army', 'peace']);
      for (const q of areas.filter((x) => x.predicate.value === `${SKOS}altLabel`)) assert.ok(!generic.has(q.object.value.toLowerCase()), q.object.value);
    });

    it('covers every area of the evaluation vocabulary', () => {
      const labels = new Set(areas.filter((q) => q.predicate.value === `${SKOS}prefLabel`).map((q) => q.object.value));
      for (const area of ['peacekeeping', 'maritime security', 'cyber security', 'information security', 'military medicine', 'training', 'war legacy',
        'defence industry', 'search and rescue', 'humanitarian assistance and disaster relief', 'delegation exchange', 'dialogue and consultation',
        'multilateral cooperation', 'naval cooperation', 'military technology', 'academic exchange', 'service-to-service cooperation', 'COVID-19 response',
        'military construction', 'crisis management', 'non-traditional security', 'traditional security', 'strategic research', 'capacity building',
        'freedom of navigation', 'counter-piracy', 'transnational crime', 'counter-smuggling', 'women, peace and security', 'regional security architecture',
        'strategic dialogue', 'counter-terrorism', 'military history', 'defence and security consultations']) {
        assert.ok(labels.has(area), `no concept with prefLabel "${area}"`);
      }
    });
  });

  describe('context.jsonld', () => {
    const doc = JSON.parse(loadOntologyFile('context.jsonld')) as { '@context': Record<string, any> };
    const ctx = doc['@context'];
    const expand = (v: string) => v.replace(/^(\w+):/, (m, p: string) => (typeof ctx[p] === 'string' ? ctx[p] : m));
    const terms = new Map<string, any>(Object.entries(ctx).filter(([, v]) => typeof v === 'object').map(([k, v]) => [expand(v['@id']), { name: k, ...v }]));

    it('is a JSON-LD 1.1 context with the project prefixes', () => {
      assert.equal(ctx['@version'], 1.1);
      for (const p of ['dg', 'dgr', 'rdf', 'rdfs', 'xsd', 'skos', 'prov', 'oa', 'schema', 'org', 'foaf', 'dcterms']) assert.equal(ctx[p], PREFIXES[p], p);
      assert.equal(ctx.id, '@id');
      assert.equal(ctx.type, '@type');
    });

    it('has a short term for every dg: property, with IRIs for object properties and the datatype where it is fixed', () => {
      const onto = parse('diplograph.ttl');
      const kind = (iri: string) => objects(onto, iri, RDF_TYPE).map((o) => o.value);
      for (const term of DG_TERMS) {
        const iri = DG_NS + term;
        const types = kind(iri);
        if (!types.includes(`${OWL}ObjectProperty`) && !types.includes(`${OWL}DatatypeProperty`)) continue;
        const def = terms.get(iri);
        assert.ok(def, `no context term for dg:${term}`);
        if (types.includes(`${OWL}ObjectProperty`)) assert.equal(def['@type'], '@id', `dg:${term} is an object property`);
      }
      assert.equal(terms.get(`${DG_NS}ordinal`)['@type'], 'xsd:integer');
      assert.equal(terms.get(`${DG_NS}date`)['@type'], undefined, 'dg:date has several datatypes and must not be coerced');
      assert.equal(terms.get(`${PREFIXES.oa}start`)['@type'], 'xsd:nonNegativeInteger');
      assert.equal(terms.get(`${PREFIXES.oa}end`)['@type'], 'xsd:nonNegativeInteger');
      assert.equal(terms.get(`${PREFIXES.rdfs}label`)['@container'], '@language');
    });

    it('compacts ontology/example.trig without loss: read back, the JSON-LD is isomorphic to it', async () => {
      const quads = new Parser({ format: 'trig' }).parse(loadOntologyFile('example.trig'));
      const nquads = new Writer({ format: 'N-Quads' }).quadsToString(quads);
      const expanded = await jsonld.fromRDF(nquads, { format: 'application/n-quads' });
      const compacted = await jsonld.compact(expanded, ctx as never);
      const back = new Parser({ format: 'N-Quads' }).parse((await jsonld.toRDF(compacted, { format: 'application/n-quads' })) as unknown as string);
      assert.ok(isomorphic(quads, back), 'the JSON-LD read back differs from the TriG');
    });
  });
});
