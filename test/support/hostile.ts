/**
 * A hostile article for the web UI's escaping tests: its text, a person's labels, a meeting's label
 * and an agreement's label all carry markup and script. Added to a copy of the seed graph, in its
 * own named graph, with the provenance records a build writes (statements and evidence sentences).
 */
import { Parser, Store } from 'n3';
import { DEFAULT_BASE } from '../../src/vocab.js';

/** The markup the hostile texts carry; none of it may reach a page as markup. */
export const PAYLOAD = `<script>window.__pwned = 1; alert("x")</script><img src=x onerror="window.__pwned=2">`;
export const HOSTILE_ARTICLE = `${DEFAULT_BASE}article/zz-hostile`;
export const HOSTILE_PERSON = `${DEFAULT_BASE}person/zz-hostile`;
export const HOSTILE_MEETING = `${DEFAULT_BASE}meeting/zz-hostile-1`;

function lit(s: string): string {
  return JSON.stringify(s);
}

/** The seed quads plus the hostile article's graph. */
export function withHostileArticle(seed: Store): Store {
  const body = `Minister ${PAYLOAD} met "Quote" \\ Backslash in Hanoi. They signed the ${PAYLOAD} accord.`;
  const first = body.indexOf('.') + 1;
  const trig = `
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<${HOSTILE_ARTICLE}> {
  <${HOSTILE_ARTICLE}> a dg:Article, schema:NewsArticle ; dcterms:identifier ${lit(`zz-hostile ${PAYLOAD}.txt`)} ;
    schema:articleBody ${lit(body)}@en .
  <${HOSTILE_ARTICLE}#s1> a dg:Evidence, oa:SpecificResource ; oa:hasSource <${HOSTILE_ARTICLE}> ;
    oa:hasSelector <${HOSTILE_ARTICLE}#s1-text>, <${HOSTILE_ARTICLE}#s1-pos> .
  <${HOSTILE_ARTICLE}#s1-text> a oa:TextQuoteSelector ; oa:exact ${lit(body.slice(0, first))} .
  <${HOSTILE_ARTICLE}#s1-pos> a oa:TextPositionSelector ; oa:start "0"^^xsd:nonNegativeInteger ; oa:end "${first}"^^xsd:nonNegativeInteger .
  <${HOSTILE_PERSON}> a dg:Person ; rdfs:label ${lit(`Evil ${PAYLOAD}`)}@en, ${lit(`Ác ${PAYLOAD}`)}@vi ; skos:altLabel "Zed </td></tr></table><b>bold</b>"@en, ${lit(`${PAYLOAD} accord`)}@en ;
    dg:position ${lit(`Minister of ${PAYLOAD}`)}@en .
  <${HOSTILE_MEETING}> a dg:Meeting ; rdfs:label ${lit(`Talks ${PAYLOAD}`)}@en ; dg:date "2021-05"^^xsd:gYearMonth ;
    dg:dateText ${lit(`May ${PAYLOAD}`)} ; dg:participant <${HOSTILE_PERSON}>, <${DEFAULT_BASE}country/vietnam> .
  <${HOSTILE_ARTICLE}#f-1> a rdf:Statement ; rdf:subject <${HOSTILE_MEETING}> ; rdf:predicate dg:participant ; rdf:object <${HOSTILE_PERSON}> ;
    prov:wasDerivedFrom <${HOSTILE_ARTICLE}#s1> .
  <${HOSTILE_ARTICLE}#f-2> a rdf:Statement ; rdf:subject <${HOSTILE_PERSON}> ; rdf:predicate rdf:type ; rdf:object dg:Person ;
    prov:wasDerivedFrom <${HOSTILE_ARTICLE}#s1> .
}`;
  return new Store([...seed.getQuads(null, null, null, null), ...new Parser({ format: 'application/trig' }).parse(trig)]);
}
