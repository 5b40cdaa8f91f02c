/**
 * Cooperation areas: the SKOS concepts of ontology/areas.ttl, found in text by their preferred and
 * alternative labels. Matching folds case, spelling (defense/defence), hyphens and plurals, so that
 * "U.N. peacekeeping operations" finds the concept whose altLabel is "UN peacekeeping operation".
 */
import { Parser } from 'n3';
import { loadOntologyFile } from '../ontology-files.js';
import { SKOS, RDF, DG } from '../vocab.js';
import { asciiLetters, execAll, fold, memoize, normalizeSpelling } from './tokens.js';

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

/** A label of a concept, as normalised words. */
interface AreaLabel {
  slug: string;
  tokens: string[];
  /** The number of its first word in `AreaIndex.firstWords`. */
  first: number;
}

interface AreaIndex {
  concepts: AreaConcept[];
  /** Longest labels first, so that "maritime security cooperation" wins over "security". */
  labels: AreaLabel[];
  /** The words that labels start with, numbered. */
  firstWords: Map<string, number>;
  /** By the number of a first word, the positions in `labels` of the labels that start with it. */
  labelsByFirst: number[][];
}

let cached: AreaIndex | undefined;

function areaIndex(): AreaIndex {
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
  const labels: AreaLabel[] = [];
  const firstWords = new Map<string, number>();
  for (const c of concepts) {
    for (const label of new Set([c.prefLabel, ...c.altLabels])) {
      const tokens = normalizeTokens(label).map((t) => t.word);
      if (!tokens.length) continue;
      if (!firstWords.has(tokens[0])) firstWords.set(tokens[0], firstWords.size);
      labels.push({ slug: c.slug, tokens, first: firstWords.get(tokens[0])! });
    }
  }
  labels.sort((a, b) => b.tokens.length - a.tokens.length || a.slug.localeCompare(b.slug));
  const labelsByFirst = [...firstWords.values()].map((): number[] => []);
  labels.forEach((l, k) => labelsByFirst[l.first].push(k));
  cached = { concepts, labels, firstWords, labelsByFirst };
  return cached;
}

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/** A word as labels are compared: folded, lowercase, British spelling, without dots, singular. */
const normalWord = memoize((w: string) => stem(normalizeSpelling(fold(w).toLowerCase()).replace(/\./g, '')));

const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+/gu;
const WORD_ASCII = /(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+/g;

function normalizeTokens(text: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const m of execAll(asciiLetters(text) ? WORD_ASCII : WORD, text)) {
    const t = { word: normalWord(m[0]), start: m.index, end: m.index + m[0].length };
    // "cyber-security", "cybersecurity" and "cyber security" are one word.
    const prev = out[out.length - 1];
    if (prev && (prev.word === 'cyber' || prev.word === 'post' || prev.word === 'non') && t.start - prev.end <= 1) {
      prev.word += t.word;
      prev.end = t.end;
    } else out.push(t);
  }
  return out;
}

/** Cooperation areas named in a text, each with the span of its first occurrence there. */
export function findAreas(text: string): AreaMatch[] {
  const { labels, firstWords, labelsByFirst } = areaIndex();
  const toks = normalizeTokens(text);
  const taken = new Array<boolean>(toks.length).fill(false);
  const out: AreaMatch[] = [];
  // Where each first word of a label occurs, and which labels start with a word of the text: only
  // those are tried, in the order of `labels`, each where its first word is (the same matches, in the
  // same order, as a full scan).
  const positions = new Array<number[] | undefined>(labelsByFirst.length);
  const tried = new Uint8Array(labels.length);
  for (let i = 0; i < toks.length; i++) {
    const f = firstWords.get(toks[i].word);
    if (f === undefined) continue;
    if (!positions[f]) {
      positions[f] = [];
      for (const k of labelsByFirst[f]) tried[k] = 1;
    }
    positions[f].push(i);
  }
  for (let k = 0; k < labels.length; k++) {
    if (!tried[k]) continue;
    const { slug, tokens, first } = labels[k];
    for (const i of positions[first]!) {
      if (i + tokens.length > toks.length) break;
      let ok = true;
      for (let j = 0; j < tokens.length && ok; j++) ok = toks[i + j].word === tokens[j] && !taken[i + j];
      if (!ok) continue;
      for (let j = 0; j < tokens.length; j++) taken[i + j] = true;
      const start = toks[i].start;
      if (PRINCIPLES.has(slug) && !JOINT_ACTION.test(text.slice(Math.max(0, start - 60), start))) continue;
      if (!out.some((o) => o.slug === slug)) out.push({ slug, start, end: toks[i + tokens.length - 1].end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Principles and threats rather than fields of work: they are a field of cooperation only where the
 * sides act on them together ("engagement in protecting freedom of navigation", "coping with
 * non-traditional security threats"), not where one side values them ("attaches importance to the
 * freedom of navigation") or names a doctrine ("the principle of ASEAN centrality").
 */
const PRINCIPLES = new Set(['freedom-of-navigation', 'traditional-security', 'non-traditional-security', 'regional-security-architecture']);
const JOINT_ACTION = /\b(?:protect\w*|ensur\w*|safeguard\w*|uphold\w*|maintain\w*|guarant\w*|engag\w*|cooperat\w*|collaborat\w*|support\w*|build\w*|promot\w*|cop(?:e|es|ing) with|respond\w*|deal\w* with|join\w*|participat\w*|contribut\w*|strengthen\w*|enhanc\w*|counter\w*|tackl\w*|address\w* (?:common|shared))\s+(?:\S+\s+){0,5}$/i;
