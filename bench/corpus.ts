/**
 * A scaled corpus for the benchmarks: N realistic articles made from real ones (data/documents, and
 * any extra folders given) by substituting the partners (countries and partner organizations),
 * persons (names and ranks), places, dates (years, months) and cooperation areas. The vocabularies are
 * the project's own: the gazetteers of src/extract/lexicon.ts and the concepts of ontology/areas.ttl.
 * Foreign persons' names are recombined from the names the templates' extraction finds.
 *
 * Deterministic: article i depends only on the seed, i and the templates, so one seed gives
 * byte-identical files. Files are written one at a time (the corpus is never held in memory).
 *
 * @example
 * node dist/bench/corpus.js --n 1000 --seed 7 --out bench/results/tmp/corpus-1k [--templates ../shared/devset/articles]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'n3';
import { articleFiles } from '../src/graph/corpus.js';
import { extractArticle } from '../src/extract/index.js';
import { CITIES, COUNTRIES, KNOWN_ORGANIZATIONS, MONTHS, VIETNAMESE_NAMES, VIETNAMESE_SURNAMES } from '../src/extract/lexicon.js';
import { loadOntologyFile, projectRoot } from '../src/ontology-files.js';
import { SKOS } from '../src/vocab.js';
import { prng } from './synthetic-graph.js';

/** One real article, with what can be substituted in it. */
export interface Template {
  id: string;
  text: string;
  /** Person names (full, as the extractor read them) and their short forms. */
  persons: Array<{ name: string; aliases: string[]; vietnamese: boolean; nationality?: string }>;
  /** Partner countries named (never Vietnam), by canonical name. */
  countries: string[];
  places: Array<{ name: string; vietnamese: boolean }>;
  /** The labels of cooperation areas that occur in the text as written. */
  areaLabels: string[];
}

const PARTNER_ORGS = KNOWN_ORGANIZATIONS.filter((o) => ['EU', 'ASEAN', 'NATO'].includes(o.acronym ?? ''));
const RANK_SWAPS = ['Senior Lieutenant General', 'Lieutenant General', 'Major General', 'Senior Colonel', 'Colonel', 'Rear Admiral', 'Vice Admiral'];
const VN_GIVEN = [...new Set(Object.keys(VIETNAMESE_NAMES).flatMap((n) => n.split(' ').slice(1)))].sort();
const COUNTRY_WORDS = new Set(COUNTRIES.flatMap((c) => [c.name, ...c.forms]));
const VN_SURNAMES = [...VIETNAMESE_SURNAMES].filter((s) => s.length > 2 && !COUNTRY_WORDS.has(s)).sort();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const demonym = (name: string) => COUNTRIES.find((c) => c.name === name)?.forms.find((f) => /^[A-Z][a-z]+(?:an|ese|ish|ch|i|ic|ss|k)$/.test(f));

let areaLabelCache: { labels: Map<string, string[]>; pref: string[] } | undefined;

/** The cooperation areas of ontology/areas.ttl: every label of each concept, and the preferred labels. */
function areaLabels() {
  if (areaLabelCache) return areaLabelCache;
  const labels = new Map<string, string[]>();
  const pref: string[] = [];
  for (const q of new Parser().parse(loadOntologyFile('areas.ttl'))) {
    if (q.object.termType !== 'Literal' || (q.object.language && q.object.language !== 'en')) continue;
    if (!q.predicate.equals(SKOS.prefLabel) && !q.predicate.equals(SKOS.altLabel)) continue;
    const slug = q.subject.value.slice(q.subject.value.lastIndexOf('/') + 1);
    labels.set(slug, [...(labels.get(slug) ?? []), q.object.value]);
    if (q.predicate.equals(SKOS.prefLabel) && slug) pref.push(q.object.value);
  }
  areaLabelCache = { labels, pref: pref.sort() };
  return areaLabelCache;
}

/** Reads the templates: every article of data/documents and of the extra folders, extracted once. */
export function loadTemplates(extraDirs: string[] = []): Template[] {
  const files = [join(projectRoot(), 'data/documents'), ...extraDirs].flatMap((d) => articleFiles(d));
  return files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const x = extractArticle(file, text);
    const { labels } = areaLabels();
    const found = [...x.areas.keys()].flatMap((slug) => labels.get(slug) ?? [])
      .filter((l) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(l)}(?![\\p{L}\\p{N}])`, 'iu').test(text));
    return {
      id: x.article.id,
      text,
      persons: [...x.persons.values()].filter((p) => text.includes(p.name)).map((p) => ({
        name: p.name, aliases: [...p.aliases.keys()], vietnamese: VIETNAMESE_SURNAMES.has(p.name.split(' ')[0]),
        nationality: p.nationality ? x.countries.get(p.nationality.key)?.name : undefined,
      })),
      countries: [...x.countries.values()].map((c) => c.name).filter((n) => n !== 'Vietnam' && COUNTRIES.some((c) => c.name === n)),
      places: [...x.places.values()].map((p) => ({ name: p.name, vietnamese: p.countryKey === 'vietnam' })).filter((p) => text.includes(p.name)),
      areaLabels: [...new Set(found)].sort((a, b) => b.length - a.length),
    };
  });
}

/** Foreign given and family names, besides those of the templates' persons (so that the pools are large enough at any corpus size). */
const GIVEN = ['Alice', 'Andrew', 'Anna', 'Carlos', 'Claire', 'David', 'Elena', 'Erik', 'Hans', 'Helen', 'Ivan', 'James', 'Jean', 'Johan', 'Julia',
  'Kenji', 'Lars', 'Laura', 'Marco', 'Maria', 'Mark', 'Michael', 'Olga', 'Paul', 'Peter', 'Pierre', 'Robert', 'Sarah', 'Sophie', 'Thomas'];
const FAMILY = ['Andersen', 'Bauer', 'Bennett', 'Costa', 'Dubois', 'Fischer', 'Garcia', 'Hansen', 'Harris', 'Ito', 'Jensen', 'Keller', 'Kowalski',
  'Larsen', 'Lefebvre', 'Martin', 'Moreau', 'Novak', 'Olsen', 'Petrov', 'Rossi', 'Sato', 'Schmidt', 'Suzuki', 'Tanaka', 'Turner', 'Walker', 'Weber', 'Wright', 'Young'];

/** Given and family names for foreign persons: the fixed pools and the names of the templates' foreign persons. */
function foreignNames(templates: Template[]): { given: string[]; family: string[] } {
  const persons = templates.flatMap((t) => t.persons).filter((p) => !p.vietnamese && p.name.split(' ').length >= 2);
  const given = [...new Set([...GIVEN, ...persons.map((p) => p.name.split(' ')[0])])].filter((g) => /^[A-Z][a-z]+$/.test(g)).sort();
  const family = [...new Set([...FAMILY, ...persons.map((p) => p.name.split(' ').slice(-1)[0])])].filter((g) => /^[A-Z][a-z]+$/.test(g)).sort();
  return { given, family };
}

/**
 * The name of the j-th foreign person of a nationality (j < 3): one name is never given to persons of two
 * nationalities (a person has one nationality), while a partner's officials recur across articles.
 */
function foreignName(names: { given: string[]; family: string[] }, nationality: string | undefined, j: number): string {
  const c = nationality === undefined ? -1 : COUNTRIES.findIndex((x) => x.name === nationality);
  const id = c < 0 ? 3 * COUNTRIES.length + j : 3 * c + j;
  return `${names.given[id % names.given.length]} ${names.family[Math.floor(id / names.given.length) % names.family.length]}`;
}

/** The seeded PRNG of article `index`: independent of every other article. */
function articleRandom(seed: number, index: number): () => number {
  const h = createHash('sha256').update(`${seed}:${index}`).digest();
  return prng(h.readUInt32LE(0));
}

/** One generated article: its file name and text. Also returns the substituted person names (for checks). */
export function generateArticle(templates: Template[], seed: number, index: number): { file: string; text: string; persons: string[] } {
  const rand = articleRandom(seed, index);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const t = templates[index % templates.length];
  const names = foreignNames(templates);
  const map = new Map<string, string>();
  const countryPool = COUNTRIES.filter((c) => c.name !== 'Vietnam' && !t.countries.includes(c.name));
  const countryMap = new Map<string, string>();
  for (const name of t.countries) countryMap.set(name, pick(countryPool).name);
  const used = new Set(t.persons.map((p) => p.name));
  const persons: string[] = [];
  for (const p of t.persons) {
    const words = p.name.split(' ');
    let fresh = '';
    for (let tries = 0; tries < 20 && (!fresh || used.has(fresh)); tries++) {
      fresh = p.vietnamese
        ? [pick(VN_SURNAMES), ...words.slice(1).map(() => pick(VN_GIVEN))].filter((w, i, all) => all.indexOf(w) === i).join(' ')
        : foreignName(names, p.nationality === undefined ? undefined : (countryMap.get(p.nationality) ?? p.nationality), tries < 3 ? Math.floor(rand() * 3) : tries);
    }
    used.add(fresh);
    persons.push(fresh);
    map.set(p.name, fresh);
    const freshWords = fresh.split(' ');
    for (const alias of p.aliases) {
      const aw = alias.split(' ');
      // A short form is a tail of the name ("Quyet", "Xuan Chien"): the same tail of the new name.
      if (aw.length < words.length && words.slice(-aw.length).join(' ') === alias) map.set(alias, freshWords.slice(-aw.length).join(' '));
    }
  }
  for (const name of t.countries) {
    const to = COUNTRIES.find((c) => c.name === countryMap.get(name))!;
    map.set(name, to.name);
    const from = COUNTRIES.find((c) => c.name === name)!;
    const dem = demonym(name);
    for (const f of from.forms) if (!map.has(f)) map.set(f, f === dem ? (demonym(to.name) ?? to.name) : to.name);
  }
  if (PARTNER_ORGS.length > 1) {
    for (const org of PARTNER_ORGS) {
      if (!t.text.includes(org.acronym!) && !t.text.includes(org.name)) continue;
      const to = pick(PARTNER_ORGS.filter((o) => o !== org));
      map.set(org.name, to.name);
      for (const f of [org.acronym!, ...org.forms]) if (!map.has(f)) map.set(f, to.acronym!);
    }
  }
  const partners = new Set(t.countries.map((c) => map.get(c)));
  for (const p of t.places) {
    const home = CITIES.filter((c) => !p.vietnamese && partners.has(c.country));
    const pool = home.length ? home : CITIES.filter((c) => (c.country === 'Vietnam') === p.vietnamese && c.name !== p.name);
    if (pool.length) map.set(p.name, pick(pool).name);
  }
  const { pref } = areaLabels();
  for (const label of t.areaLabels) map.set(label, pick(pref));
  const shift = Math.floor(rand() * 12);
  for (let m = 0; m < 12; m++) map.set(MONTHS[m], MONTHS[(m + shift) % 12]);
  const yearOffset = Math.floor(rand() * 9) - 6;
  let text = substitute(t.text, map);
  // Ranks before a substituted full name; years shifted (one offset per article); days that fit every month.
  for (const name of persons) {
    text = text.replace(new RegExp(`\\b(?:Senior Lieutenant General|Lieutenant General|Major General|Senior Colonel|Colonel) (?=${escape(name)}\\b)`, 'g'), () => `${pick(RANK_SWAPS.slice(0, 5))} `);
  }
  text = text.replace(/\b(19[5-9]\d|20[0-2]\d)\b/g, (y) => String(Math.min(2025, Number(y) + yearOffset)));
  text = text.replace(new RegExp(`\\b(${MONTHS.join('|')}) (\\d{1,2})\\b`, 'g'), (_, m: string, d: string) => `${m} ${Math.min(28, Number(d))}`);
  const hash = createHash('sha1').update(text).digest('hex').slice(0, 16);
  return { file: `${String(index).padStart(6, '0')}_${hash}.txt`, text, persons };
}

/** Replaces every whole-word occurrence of the map's keys at once (longest first, so no replacement is replaced again). */
function substitute(text: string, map: Map<string, string>): string {
  const keys = [...map.keys()].filter((k) => k.length > 1).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (!keys.length) return text;
  const lower = new Map([...map].map(([k, v]) => [k.toLowerCase(), v]));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(re, (m: string, offset: number) => {
    const to = map.get(m) ?? lower.get(m.toLowerCase()) ?? m;
    // "... with the E.U." at the end of a sentence: the abbreviation's dot was also the full stop.
    if (map.has(m)) return m.endsWith('.') && !to.endsWith('.') && /^(?:\s*\n|\s*$)/.test(text.slice(offset + m.length, offset + m.length + 2)) ? `${to}.` : to;
    // An area label matched case-insensitively keeps the case of its first letter.
    return /^[A-Z]/.test(m) ? to.charAt(0).toUpperCase() + to.slice(1) : to.charAt(0).toLowerCase() + to.slice(1);
  });
}

/** Writes `n` articles to `outDir` (created), one file at a time; returns the file paths in order. */
export function generateCorpus(options: { n: number; seed: number; outDir: string; templateDirs?: string[] }): string[] {
  const templates = loadTemplates(options.templateDirs);
  mkdirSync(options.outDir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < options.n; i++) {
    const a = generateArticle(templates, options.seed, i);
    const path = join(options.outDir, a.file);
    writeFileSync(path, a.text);
    files.push(path);
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string, fallback?: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const n = Number(arg('n', '1000'));
  const out = arg('out', join(projectRoot(), 'bench/results/tmp', `corpus-${n}`))!;
  const templateDirs = process.argv.flatMap((a, i) => (a === '--templates' ? [process.argv[i + 1]] : []));
  const t = performance.now();
  const files = generateCorpus({ n, seed: Number(arg('seed', '1')), outDir: out, templateDirs });
  process.stdout.write(`wrote ${files.length} articles to ${out} in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}
