/**
 * Entity resolution across articles. Persons, organizations, countries and places already share
 * keys minted from canonical names. Agreements are named in many ways ("participation framework
 * agreement (FPA)", "the Framework Participation Agreement", "the FPA"), so they are grouped here: two
 * agreements are one when they share an acronym or the same content words, and the group's key is
 * independent of the order in which articles are read.
 */
import type { ArticleExtraction, Evidence } from '../extract/model.js';
import { fold, normalizeSpelling, slug } from '../extract/tokens.js';

const STOP = new Set(['the', 'a', 'an', 'of', 'on', 'for', 'and', 'in', 'to', 'with', 'between']);

/** The content words of a name, sorted: "Vietnam-EU Framework Agreement" and "EU-Vietnam framework agreement" agree. */
export function nameSignature(name: string): string {
  const words = normalizeSpelling(fold(name).toLowerCase()).split(/[^a-z0-9]+/).filter((w) => w && !STOP.has(w));
  return [...new Set(words)].sort().join(' ');
}

/** Gives agreements that denote the same document one key in every article (mutates the extractions). */
export function unifyAgreements(extractions: ArticleExtraction[]): void {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const byAcronym = new Map<string, string>();
  const bySignature = new Map<string, string>();
  const acronymOf = new Map<string, string>();
  const names = new Map<string, string[]>();
  for (const x of extractions) {
    for (const a of x.agreements.values()) {
      if (!parent.has(a.key)) parent.set(a.key, a.key);
      names.set(a.key, [...(names.get(a.key) ?? []), a.name]);
      const acr = a.acronym && a.acronym.length >= 3 && !/^mou$/i.test(a.acronym) ? a.acronym.toUpperCase() : undefined;
      if (acr) {
        acronymOf.set(a.key, acr);
        if (byAcronym.has(acr)) union(a.key, byAcronym.get(acr)!);
        else byAcronym.set(acr, a.key);
      }
      if (a.name !== a.acronym) {
        const sig = nameSignature(a.name);
        if (bySignature.has(sig)) union(a.key, bySignature.get(sig)!);
        else bySignature.set(sig, a.key);
      }
    }
  }
  // The key of a group: its acronym if it has one, else the smallest slug of its names.
  const groups = new Map<string, string[]>();
  for (const k of parent.keys()) groups.set(find(k), [...(groups.get(find(k)) ?? []), k]);
  const canonical = new Map<string, string>();
  const canonicalName = new Map<string, string>();
  for (const members of groups.values()) {
    const acr = members.map((m) => acronymOf.get(m)).filter((a): a is string => !!a).sort()[0];
    const all = [...new Set(members.flatMap((m) => names.get(m) ?? []))].filter((n) => n !== acr);
    const key = acr ? slug(acr) : all.map((n) => slug(n)).sort()[0];
    // The name: a capitalised one before a lowercase description, then the longest, then the first in order.
    const name = all.sort((a, b) => Number(/^[A-Z0-9]/.test(b)) - Number(/^[A-Z0-9]/.test(a)) || b.length - a.length || (a < b ? -1 : 1))[0];
    for (const m of members) {
      canonical.set(m, key);
      if (name) canonicalName.set(m, name);
    }
  }
  for (const x of extractions) {
    const renamed = new Map<string, (typeof x.agreements extends Map<string, infer V> ? V : never)>();
    for (const a of x.agreements.values()) {
      const key = canonical.get(a.key) ?? a.key;
      const existing = renamed.get(key);
      if (existing) {
        existing.evidence = [...new Set([...existing.evidence, ...a.evidence])].sort((p, q) => p - q);
        for (const [k, ev] of a.parties) existing.parties.set(k, mergeEvidence(existing.parties.get(k), ev));
      } else {
        const name = canonicalName.get(a.key) ?? a.name;
        renamed.set(key, { ...a, key, name, aliases: a.name !== name && a.name !== a.acronym ? [a.name] : [] });
      }
    }
    x.agreements = renamed;
    for (const m of x.meetings) {
      const links = new Map<string, Evidence>();
      for (const [k, ev] of m.agreements) links.set(canonical.get(k) ?? k, mergeEvidence(links.get(canonical.get(k) ?? k), ev));
      m.agreements = links;
    }
  }
}

function mergeEvidence(a: Evidence | undefined, b: Evidence): Evidence {
  return [...new Set([...(a ?? []), ...b])].sort((p, q) => p - q);
}

/** The value most articles give (ties: the first in code-unit order), so that the choice does not depend on the order of articles. */
function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0];
}

type Kinds = 'persons' | 'organizations' | 'countries' | 'places';

/**
 * Gives each person, organization, country and place one name in all articles (mutates the
 * extractions). Keys are folded, so "Ngo Xuan Lich" and "Ngô Xuân Lịch", or "Defense" and "Defence",
 * are one actor; without this, each article's spelling would be an English label of its own, and the
 * graph would break the one-English-name shapes. The name most articles use wins; the others become
 * aliases. The single-valued links (a person's nationality and native name, an organization's or a
 * place's country) are made one in the same way.
 */
export function unifyNames(extractions: ArticleExtraction[]): void {
  for (const kind of ['persons', 'organizations', 'countries', 'places'] as Kinds[]) {
    const names = new Map<string, string[]>();
    for (const x of extractions) for (const e of x[kind].values()) names.set(e.key, [...(names.get(e.key) ?? []), e.name]);
    for (const x of extractions) {
      for (const e of x[kind].values()) {
        const name = mostCommon(names.get(e.key) ?? [])!;
        if (name === e.name) continue;
        e.aliases.set(e.name, mergeEvidence(e.aliases.get(e.name), e.evidence));
        e.name = name;
        e.aliases.delete(name);
      }
    }
  }
  const single = <T>(all: Map<string, string[]>, key: string, set: (v: string) => T) => {
    const v = mostCommon(all.get(key) ?? []);
    if (v !== undefined) set(v);
  };
  const collect = <E extends { key: string }>(items: (x: ArticleExtraction) => Iterable<E>, value: (e: E) => string | undefined) => {
    const all = new Map<string, string[]>();
    for (const x of extractions) {
      for (const e of items(x)) {
        const v = value(e);
        if (v !== undefined) all.set(e.key, [...(all.get(e.key) ?? []), v]);
      }
    }
    return all;
  };
  const natives = collect((x) => x.persons.values(), (p) => p.nativeName);
  const nationalities = collect((x) => x.persons.values(), (p) => p.nationality?.key);
  const orgCountries = collect((x) => x.organizations.values(), (o) => o.countryKey);
  const placeCountries = collect((x) => x.places.values(), (p) => p.countryKey);
  for (const x of extractions) {
    for (const p of x.persons.values()) {
      if (p.nativeName !== undefined) single(natives, p.key, (v) => (p.nativeName = v));
      if (p.nationality) single(nationalities, p.key, (v) => (p.nationality!.key = v));
    }
    for (const o of x.organizations.values()) if (o.countryKey !== undefined) single(orgCountries, o.key, (v) => (o.countryKey = v));
    for (const p of x.places.values()) if (p.countryKey !== undefined) single(placeCountries, p.key, (v) => (p.countryKey = v));
  }
}
