/**
 * Cooperation areas: the SKOS concepts of ontology/areas.ttl, found in text by their preferred and
 * alternative labels. Matching folds case, spelling (defense/defence), hyphens and plurals, so that
 * "U.N. peacekeeping operations" finds the concept whose altLabel is "UN peacekeeping operation".
 */
import { Parser } from 'n3';
import { loadOntologyFile } from '../ontology-files.js';
import { SKOS, RDF, DG } from '../vocab.js';
import { fold, normalizeSpelling } from './tokens.js';

export interface AreaConcept {
  iri: string;
  /** The last segment of the concept's IRI. */
  slug: string;
  prefLabel: string;
  altLabels: string[];
}

export interface AreaMatch {
  slug: string;
  start: number;
  end: number;
}

let cached: { concepts: AreaConcept[]; index: Array<{ slug: string; tokens: string[] }> } | undefined;

function areaIndex() {
  if (cached) return cached;
  const quads = new Parser().parse(loadOntologyFile('areas.ttl'));
  const byIri = new Map<string, AreaConcept>();
  for (const q of quads) {
    if (q.predicate.equals(RDF.type) && (q.object.equals(DG.CooperationArea) || q.object.equals(SKOS.Concept))) {
      const iri = q.subject.value;
      if (!byIri.has(iri)) byIri.set(iri, { iri, slug: iri.slice(iri.lastIndexOf('/') + 1), prefLabel: '', altLabels: [] });
    }
  }
  for (const q of quads) {
    const c = byIri.get(q.subject.value);
    if (!c || q.object.termType !== 'Literal') continue;
    if (q.predicate.equals(SKOS.prefLabel) && (q.object.language === 'en' || !c.prefLabel)) c.prefLabel = q.object.value;
    if (q.predicate.equals(SKOS.altLabel)) c.altLabels.push(q.object.value);
  }
  const concepts = [...byIri.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  const index: Array<{ slug: string; tokens: string[] }> = [];
  for (const c of concepts) {
    for (const label of new Set([c.prefLabel, ...c.altLabels])) {
      const tokens = normalizeTokens(label).map((t) => t.word);
      if (tokens.length) index.push({ slug: c.slug, tokens });
    }
  }
  // Longest labels first, so that "maritime security cooperation" wins over "security".
  index.sort((a, b) => b.tokens.length - a.tokens.length || a.slug.localeCompare(b.slug));
  cached = { concepts, index };
  return cached;
}

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

function normalizeTokens(text: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const m of text.matchAll(/(?:\p{L}\.){2,}|[\p{L}\p{N}]+/gu)) {
    const w = stem(normalizeSpelling(fold(m[0]).toLowerCase()).replace(/\./g, ''));
    out.push({ word: w, start: m.index, end: m.index + m[0].length });
  }
  // "cyber-security", "cybersecurity" and "cyber security" are one word.
  const merged: typeof out = [];
  for (const t of out) {
    const prev = merged[merged.length - 1];
    if (prev && (prev.word === 'cyber' || prev.word === 'post' || prev.word === 'non') && t.start - prev.end <= 1) {
      prev.word += t.word;
      prev.end = t.end;
    } else merged.push({ ...t });
  }
  return merged;
}

/** Cooperation areas named in a text, each with the span of its first occurrence there. */
export function findAreas(text: string): AreaMatch[] {
  const { index } = areaIndex();
  const toks = normalizeTokens(text);
  const words = toks.map((t) => t.word);
  const taken = new Array<boolean>(toks.length).fill(false);
  const out: AreaMatch[] = [];
  // Where each word occurs, so that a label is tried only where its first word is (same matches, in the same order, as a full scan).
  const positions = new Map<string, number[]>();
  words.forEach((w, i) => (positions.get(w) ?? positions.set(w, []).get(w)!).push(i));
  for (const { slug, tokens } of index) {
    for (const i of positions.get(tokens[0]) ?? []) {
      if (i + tokens.length > words.length) break;
      let ok = true;
      for (let k = 0; k < tokens.length && ok; k++) ok = words[i + k] === tokens[k] && !taken[i + k];
      if (!ok) continue;
      for (let k = 0; k < tokens.length; k++) taken[i + k] = true;
      if (!out.some((o) => o.slug === slug)) out.push({ slug, start: toks[i].start, end: toks[i + tokens.length - 1].end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
