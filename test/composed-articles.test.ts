/**
 * The twelve sets of articles written for the project by other annotators, who saw neither the
 * extractor nor its output (test/fixtures/composed-articles, README there): the extractor keeps
 * finding their persons, bodies and events. The thresholds sit a little under what it reaches
 * today, so that a change that loses what it found fails here.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractArticle, parseSourceSidecar } from '../src/extract/index.js';

const root = fileURLToPath(new URL('../../test/fixtures/composed-articles/', import.meta.url));

interface Gold {
  persons: Array<{ name: string; aliases?: string[] }>;
  organizations: Array<{ name: string; acronym?: string | null; aliases?: string[] }>;
  meetings: Array<{ type: string; altTypes?: string[] | null }>;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const f1 = (found: number, gold: number, right: number) => (found + gold === 0 ? 1 : (2 * right) / (found + gold));

function score(set: string) {
  const dir = `${root}${set}/`;
  let persons = [0, 0, 0];
  let orgs = [0, 0, 0];
  let meetings = [0, 0];
  for (const file of readdirSync(`${dir}articles`).filter((f) => f.endsWith('.txt')).sort()) {
    const id = file.replace(/\.txt$/, '');
    const gold = JSON.parse(readFileSync(`${dir}gold/${id}.json`, 'utf8')) as Gold;
    const meta = parseSourceSidecar(readFileSync(`${dir}articles/${id}.source`, 'utf8'));
    const x = extractArticle(file, readFileSync(`${dir}articles/${file}`, 'utf8'), meta);
    const names = (n: string, aliases: Iterable<string> = []) => new Set([n, ...aliases].map(fold));
    const foundP = [...x.persons.values()].map((p) => names(p.name, p.aliases.keys()));
    const rightP = gold.persons.filter((g) => foundP.some((f) => [...names(g.name, g.aliases ?? [])].some((n) => f.has(n)))).length;
    persons = [persons[0] + foundP.length, persons[1] + gold.persons.length, persons[2] + rightP];
    const foundO = [...x.organizations.values()].map((o) => names(o.name, [...o.aliases.keys(), ...(o.acronym ? [o.acronym] : [])]));
    const rightO = gold.organizations.filter((g) => foundO.some((f) => [...names(g.name, [...(g.aliases ?? []), ...(g.acronym ? [g.acronym] : [])])].some((n) => f.has(n)))).length;
    orgs = [orgs[0] + foundO.length, orgs[1] + gold.organizations.length, orgs[2] + rightO];
    meetings = [meetings[0] + x.meetings.length, meetings[1] + gold.meetings.length];
  }
  return { persons: f1(persons[0], persons[1], persons[2]), organizations: f1(orgs[0], orgs[1], orgs[2]), meetings: meetings[0] / meetings[1] };
}

describe('articles written for the project by other annotators', () => {
  // Set 2 was scored before any rule was changed for it (see the README there); set 1 was then tuned on.
  const floors: Record<string, { persons: number; organizations: number; meetings: number }> = {
    set1: { persons: 0.95, organizations: 0.85, meetings: 0.9 },
    set2: { persons: 0.95, organizations: 0.75, meetings: 0.8 },
    // Sets 3, 4 and 6 were scored first, then tuned on; set 5 was scored once, at the end, and never tuned on.
    set3: { persons: 0.92, organizations: 0.82, meetings: 0.7 },
    set4: { persons: 0.94, organizations: 0.76, meetings: 0.8 },
    set5: { persons: 0.9, organizations: 0.78, meetings: 0.75 },
    set6: { persons: 0.84, organizations: 0.84, meetings: 0.8 },
    // Set 7 was scored first, then tuned on; set 8 was scored at the start and the end of that work, never tuned on.
    set7: { persons: 0.9, organizations: 0.8, meetings: 0.8 },
    set8: { persons: 0.9, organizations: 0.8, meetings: 0.75 },
    // Sets 9 and 10 were scored at the start and at the end of the next round of work, never tuned on; then opened
    // and tuned on in the round after, when sets 11 and 12 were written and never tuned on. Sets 11 and 12 were
    // opened and tuned on in the round after that, when sets 13 and 14 (other partners) were written and never tuned on.
    set9: { persons: 0.94, organizations: 0.78, meetings: 0.9 },
    set10: { persons: 0.9, organizations: 0.77, meetings: 0.9 },
    set11: { persons: 0.95, organizations: 0.81, meetings: 0.9 },
    set12: { persons: 0.93, organizations: 0.84, meetings: 0.88 },
    set13: { persons: 0.85, organizations: 0.81, meetings: 0.85 },
    set14: { persons: 0.92, organizations: 0.84, meetings: 0.88 },
  };
  for (const set of ['set1', 'set2', 'set3', 'set4', 'set5', 'set6', 'set7', 'set8', 'set9', 'set10', 'set11', 'set12', 'set13', 'set14']) {
    it(`${set}: the persons and bodies the annotator marked are found, and about as many events`, () => {
      const s = score(set);
      const floor = floors[set];
      assert.ok(s.persons >= floor.persons, `persons F1 ${s.persons.toFixed(3)}`);
      assert.ok(s.organizations >= floor.organizations, `organizations F1 ${s.organizations.toFixed(3)}`);
      assert.ok(s.meetings >= floor.meetings && s.meetings <= 1.1, `events found per event marked: ${s.meetings.toFixed(2)}`);
    });
  }
});
