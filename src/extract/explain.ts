/**
 * Why the extractor found what it found in one article: sentence by sentence, the facts drawn from it
 * and the rule behind each, and for every event how it got its type, date, place and participants.
 * `diplograph explain` prints it; an analyst uses it to check a surprising fact, a developer to see
 * what a new article breaks.
 *
 * @example
 * const report = explainArticle(extractArticle('a.txt', text, {}, { trace: true }));
 * report.sentences[0].facts; // [{ kind: 'person', name: 'Ngo Xuan Lich', rule: 'a name after the rank "General"' }, ...]
 */
import { VIETNAMESE_SURNAMES } from './lexicon.js';
import type { ArticleExtraction, Meeting, Person } from './model.js';
import { fold } from './tokens.js';

export interface ExplainedFact {
  kind: 'person' | 'organization' | 'country' | 'place' | 'agreement' | 'area';
  key: string;
  name: string;
  /** Why it was found. */
  rule: string;
}

export interface ExplainedStep {
  event: number;
  rule: string;
  did: string;
}

export interface ExplainedSentence {
  index: number;
  role: 'headline' | 'body' | 'caption';
  text: string;
  facts: ExplainedFact[];
  /** What the event rules did in this sentence. */
  steps: ExplainedStep[];
}

export interface ExplainedEvent {
  id: number;
  type: string;
  label: string;
  date: string | null;
  dateText: string | null;
  /** The date words read against the publication date, when the text gives no year. */
  resolvedDate: string | null;
  location: string | null;
  participants: string[];
  involves: string[];
  chairs: string[];
  hosts: string[];
  partOf: number | null;
  sentences: number[];
  /** Every step of the rules that shaped it, in sentence order. */
  why: Array<{ sentence: number; rule: string; did: string }>;
}

export interface ArticleExplanation {
  file: string;
  published: string | null;
  sentences: ExplainedSentence[];
  events: ExplainedEvent[];
}

function personRule(p: Person): string {
  const ranks = [...p.ranks.keys()];
  const positions = [...p.positions.keys()];
  if (ranks.length || positions.length) {
    const parts = [...ranks.map((r) => `the rank "${r}"`), ...positions.map((t) => `the title "${t}"`)];
    return `a name with ${parts.join(' and ')}`;
  }
  if (p.nativeName) return 'a Vietnamese name the gazetteer knows';
  if (VIETNAMESE_SURNAMES.has(fold(p.name.split(' ')[0]))) return 'a name that starts with a Vietnamese family name';
  return 'a name after a role word ("counterpart", "minister", "led by" ...)';
}

/** The explanation of one extraction. */
export function explainArticle(x: ArticleExtraction): ArticleExplanation {
  const sentences: ExplainedSentence[] = x.sentences.map((s) => ({ index: s.index, role: s.role, text: s.text, facts: [], steps: [] }));
  const at = (si: number) => sentences[si - 1];
  const label = (key: string): string =>
    x.persons.get(key)?.name ?? x.organizations.get(key)?.name ?? x.countries.get(key)?.name ?? x.places.get(key.replace(/^place:/, ''))?.name ?? key;

  for (const p of x.persons.values()) {
    for (const si of p.evidence) {
      const forms = [...p.aliases].filter(([, ev]) => ev.includes(si)).map(([a]) => a);
      at(si)?.facts.push({ kind: 'person', key: p.key, name: p.name, rule: forms.length ? `"${forms[0]}" is ${p.name}: ${personRule(p)}` : personRule(p) });
    }
  }
  for (const o of x.organizations.values()) {
    const rule = o.acronym ? `a body named with its acronym ${o.acronym} or in the gazetteer` : 'a capitalised name headed by a word for a body (Ministry, Department, Navy ...)';
    for (const si of o.evidence) at(si)?.facts.push({ kind: 'organization', key: o.key, name: o.name, rule });
  }
  for (const c of x.countries.values()) {
    for (const si of c.evidence) {
      const forms = [...c.aliases].filter(([, ev]) => ev.includes(si)).map(([a]) => a);
      at(si)?.facts.push({ kind: 'country', key: c.key, name: c.name, rule: forms.length ? `the country's name or demonym ("${forms[0]}")` : "the country's name or demonym" });
    }
  }
  for (const p of x.places.values()) {
    for (const si of p.evidence) at(si)?.facts.push({ kind: 'place', key: p.key, name: p.name, rule: 'a city or place of the gazetteer' });
  }
  for (const g of x.agreements.values()) {
    for (const si of g.evidence) {
      const status = g.statusEvidence.includes(si) ? `, status "${g.status}" from the words around it` : '';
      at(si)?.facts.push({ kind: 'agreement', key: g.key, name: g.name, rule: `a document named by its head word (${g.kind})${status}` });
    }
  }
  for (const [area, ev] of x.areas) {
    for (const si of ev) at(si)?.facts.push({ kind: 'area', key: area, name: area.replace(/-/g, ' '), rule: 'a label of the cooperation-area scheme (ontology/areas.ttl)' });
  }

  const events = x.meetings.map((m: Meeting): ExplainedEvent => {
    for (const t of m.trace) at(t.sentence)?.steps.push({ event: m.id, rule: t.rule, did: t.did });
    const names = (map: Map<string, unknown>) => [...map.keys()].map(label);
    return {
      id: m.id,
      type: m.kind,
      label: m.label,
      date: m.date?.value ?? null,
      dateText: m.date?.text ?? null,
      resolvedDate: m.resolvedDate?.value ?? null,
      location: m.location ? label(m.location.key.replace(/^(?:place|country):/, '')) : null,
      participants: names(m.participants),
      involves: names(m.involves),
      chairs: names(m.chairs),
      hosts: names(m.hosts),
      partOf: m.partOf?.id ?? null,
      sentences: m.evidence,
      why: [...m.trace].sort((a, b) => a.sentence - b.sentence),
    };
  });
  return { file: x.article.file, published: x.article.published ?? null, sentences, events };
}

/** The explanation as text for a terminal. */
export function formatExplanation(e: ArticleExplanation): string {
  const out: string[] = [];
  out.push(`${e.file}: ${e.sentences.length} sentences, ${e.events.length} events${e.published ? `, published ${e.published}` : ''}`);
  for (const s of e.sentences) {
    out.push('', `[${s.index}] ${s.role}: ${s.text.replace(/\s+/g, ' ').trim()}`);
    for (const f of s.facts) out.push(`    ${f.kind} ${f.name}: ${f.rule}`);
    for (const st of s.steps) out.push(`    event #${st.event}: ${st.did}  (${st.rule})`);
  }
  out.push('', 'Events');
  for (const ev of e.events) {
    const date = ev.date ? `${ev.date}${ev.dateText ? ` ("${ev.dateText}")` : ''}` : ev.dateText
      ? `"${ev.dateText}" (no year in the text${ev.resolvedDate ? `; ${ev.resolvedDate} from the publication date` : ''})`
      : 'none';
    out.push('', `#${ev.id} ${ev.type}${ev.label ? ` "${ev.label}"` : ''}${ev.partOf ? `, part of #${ev.partOf}` : ''}`);
    out.push(`    date: ${date}; place: ${ev.location ?? 'none'}; sentences ${ev.sentences.join(', ')}`);
    out.push(`    participants: ${ev.participants.join(', ') || 'none'}`);
    if (ev.involves.length) out.push(`    involves: ${ev.involves.join(', ')}`);
    if (ev.chairs.length) out.push(`    chairs: ${ev.chairs.join(', ')}`);
    if (ev.hosts.length) out.push(`    hosts: ${ev.hosts.join(', ')}`);
    out.push('    why:');
    for (const w of ev.why) out.push(`      [${w.sentence}] ${w.did}  (${w.rule})`);
  }
  return `${out.join('\n')}\n`;
}
