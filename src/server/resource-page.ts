/**
 * The HTML page of one IRI of the graph. For an entity (actor, meeting, agreement, area): its types,
 * its summary card (summary-card.ts), its facts as links, the links that point to it, each evidence
 * sentence once with the facts it supports (linked to its place in the article), and its labels in
 * every language. For an article: its text with the names and events read in it marked inline and
 * linked (article-marks.ts), each evidence sentence an anchor followed by the number of its facts,
 * which leads to them. Everything from the graph is escaped.
 */
import type * as RDF from '@rdfjs/types';
import { compactIri } from '../query/results.js';
import { DG, RDF as RDFV, RDFS, SKOS } from '../vocab.js';
import { KINDS, type ArticleFact, type EvidenceSentence, type GraphView } from './graph-view.js';
import { html, join, page, type Html } from './html.js';
import { summaryCard } from './summary-card.js';
import { articleMentions, type Mention } from './article-marks.js';

const HIDDEN_FACTS = new Set([RDFV.type.value, RDFS.label.value, SKOS.prefLabel.value, SKOS.altLabel.value]);
const LONG_TEXT = 300;

/** A term as HTML: an IRI as a link to its page, labelled; a literal as text with its language or datatype. */
export function termHtml(view: GraphView, t: RDF.Term): Html {
  if (t.termType === 'NamedNode') {
    const label = view.label(t);
    return html`<a href="${view.href(t.value)}" title="${t.value}">${label}</a>`;
  }
  if (t.termType === 'Literal') {
    const text = t.value.length > LONG_TEXT ? `${t.value.slice(0, LONG_TEXT - 1)}…` : t.value;
    const note = t.language ? html` <span class="lang">@${t.language}</span>` : t.datatype.value.endsWith('#string') ? '' : html` <span class="datatype">${compactIri(t.datatype.value)}</span>`;
    return html`<span class="literal">${text}</span>${note}`;
  }
  return html`<span class="bnode">_:${t.value}</span>`;
}

/** A predicate as HTML: its label from the ontology, with the compact IRI as a tooltip. */
function predicateHtml(view: GraphView, p: RDF.Term): Html {
  return html`<a href="${view.href(p.value)}" title="${compactIri(p.value)}">${view.label(p)}</a>`;
}

/** A fact of an entity's page, with the sentences it was read in. */
interface PageFact {
  quad: RDF.Quad;
  /** Whether the page's IRI is the fact's subject (else its object: a link to it). */
  outgoing: boolean;
  evidence: EvidenceSentence[];
}

/** One evidence sentence of a page, shown once, with the facts of the page it supports. */
interface EvidenceGroup {
  sentence: EvidenceSentence;
  /** The sentence's number on the page (the anchor #ev-N). */
  ref: number;
  facts: PageFact[];
}

/** The page's evidence sentences, each once, in article and sentence order, with the facts each supports. */
function groupEvidence(facts: PageFact[]): EvidenceGroup[] {
  const groups = new Map<string, EvidenceGroup>();
  for (const f of facts) for (const e of f.evidence) {
    const g = groups.get(e.iri) ?? { sentence: e, ref: 0, facts: [] };
    g.facts.push(f);
    groups.set(e.iri, g);
  }
  const key = (e: EvidenceSentence) => `${e.article} ${String(e.n).padStart(6, '0')}`;
  const sorted = [...groups.values()].sort((a, b) => (key(a.sentence) < key(b.sentence) ? -1 : key(a.sentence) > key(b.sentence) ? 1 : 0));
  sorted.forEach((g, i) => (g.ref = i + 1));
  return sorted;
}

/** The references of a fact to the page's evidence sentences: [1] [3], each a link to the sentence below. */
function refsHtml(refs: Map<string, number>, evidence: EvidenceSentence[]): Html {
  if (!evidence.length) return html`<span class="none">—</span>`;
  return join(evidence.map((e) => html`<a class="ref" href="#ev-${refs.get(e.iri)!}" title="${e.exact}">[${refs.get(e.iri)!}]</a>`), ' ');
}

/** A fact as one line under its sentence: "participant Nguyen Chi Vinh", or "Meeting X participant" for a link to the page. */
function factLine(view: GraphView, f: PageFact): Html {
  if (f.outgoing) {
    return f.quad.predicate.equals(RDFV.type) ? html`is a ${termHtml(view, f.quad.object)}` : html`${predicateHtml(view, f.quad.predicate)} ${termHtml(view, f.quad.object)}`;
  }
  return html`${termHtml(view, f.quad.subject)} ${predicateHtml(view, f.quad.predicate)} <em>this</em>`;
}

function evidenceSection(view: GraphView, groups: EvidenceGroup[]): Html {
  if (!groups.length) return html`<section id="evidence"><h2>Evidence</h2><p>Not drawn from an article (part of the ontology or a concept scheme).</p></section>`;
  return html`<section id="evidence"><h2>Evidence</h2>
<p>${groups.length === 1 ? 'The sentence' : `The ${groups.length} sentences`} the facts above were read in, each once, with the facts it supports.</p>
<ol class="evidence">${groups.map(
    (g) => html`<li id="ev-${g.ref}" value="${g.ref}"><blockquote>${g.sentence.exact}</blockquote>
<p class="from"><a class="source" href="${view.href(g.sentence.iri)}">${view.label(g.sentence.article)}, sentence ${g.sentence.n}</a></p>
<ul class="supports">${[...g.facts].sort((a, b) => Number(a.quad.predicate.equals(RDFV.type)) - Number(b.quad.predicate.equals(RDFV.type))).map(
      (f) => html`<li${f.quad.predicate.equals(RDFV.type) ? html` class="type-fact"` : ''}>${factLine(view, f)}</li>`,
    )}</ul></li>`,
  )}</ol></section>`;
}

function entityPage(view: GraphView, iri: string): string {
  const title = view.label(iri);
  const types = view.types(iri);
  const labels = view.labels(iri);
  const all = view.outgoing(iri);
  const facts: PageFact[] = all.filter((q) => !HIDDEN_FACTS.has(q.predicate.value)).map((quad) => ({ quad, outgoing: true, evidence: view.evidence(quad) }));
  const typeFacts: PageFact[] = all.filter((q) => q.predicate.equals(RDFV.type)).map((quad) => ({ quad, outgoing: true, evidence: view.evidence(quad) }));
  const incoming: PageFact[] = view.incoming(iri).map((quad) => ({ quad, outgoing: false, evidence: view.evidence(quad) }));
  const groups = groupEvidence([...typeFacts, ...facts, ...incoming]);
  const refs = new Map(groups.map((g) => [g.sentence.iri, g.ref]));
  const body = html`<p class="iri"><code>${iri}</code></p>
<p class="types">${join(types.map((t) => html`<span class="type">${termHtml(view, t)}</span>`), ' ')}</p>
${alternates(view, iri)}
${summaryCard(view, iri)}
<section><h2>Facts</h2>
${facts.length
    ? html`<table class="facts"><thead><tr><th>property</th><th>value</th><th>read in</th></tr></thead><tbody>${facts.map(
        (f) => html`<tr><td>${predicateHtml(view, f.quad.predicate)}</td><td>${termHtml(view, f.quad.object)}</td><td>${refsHtml(refs, f.evidence)}</td></tr>`,
      )}</tbody></table>`
    : html`<p>No facts.</p>`}
</section>
<section><h2>Links to this</h2>
${incoming.length
    ? html`<table class="incoming"><thead><tr><th>from</th><th>property</th><th>read in</th></tr></thead><tbody>${incoming.map(
        (f) => html`<tr><td>${termHtml(view, f.quad.subject)}</td><td>${predicateHtml(view, f.quad.predicate)}</td><td>${refsHtml(refs, f.evidence)}</td></tr>`,
      )}</tbody></table>`
    : html`<p>Nothing links here.</p>`}
</section>
${evidenceSection(view, groups)}
<section><h2>Labels</h2>
${labels.length
    ? html`<table class="labels"><thead><tr><th>label</th><th>language</th><th>kind</th></tr></thead><tbody>${labels.map(
        (l) => html`<tr><td lang="${l.literal.language || 'und'}">${l.literal.value}</td><td>${l.literal.language || '—'}</td><td>${view.label(l.predicate)}</td></tr>`,
      )}</tbody></table>`
    : html`<p>No label.</p>`}
</section>`;
  return page({ title, heading: html`${title} <small class="kind">${KINDS.find((k) => k.name === view.kind(iri))?.singular ?? ''}</small>`, alternates: alternateLinks(view, iri) }, body);
}

function alternateLinks(view: GraphView, iri: string): { href: string; type: string }[] {
  const path = view.href(iri);
  return [
    { href: `${path}.ttl`, type: 'text/turtle' },
    { href: `${path}.nt`, type: 'application/n-triples' },
    { href: `${path}.jsonld`, type: 'application/ld+json' },
  ];
}

function alternates(view: GraphView, iri: string): Html {
  const path = view.href(iri);
  return html`<p class="formats">As data: <a href="${path}.ttl">Turtle</a> · <a href="${path}.nt">N-Triples</a> · <a href="${path}.jsonld">JSON-LD</a></p>`;
}

/** A stretch of the text with the mentions inside it as links to their pages. */
function withMentions(view: GraphView, body: string, from: number, to: number, mentions: Mention[]): Html {
  const parts: Html[] = [];
  let at = from;
  for (const m of mentions) {
    if (m.start < at || m.end > to) continue;
    if (m.start >= to) break;
    parts.push(html`${body.slice(at, m.start)}`);
    parts.push(html`<a class="mention mention-${m.kind}" href="${view.href(m.iri)}" title="${view.label(m.iri)} (${m.kind})">${body.slice(m.start, m.end)}</a>`);
    at = m.end;
  }
  parts.push(html`${body.slice(at, to)}`);
  return html`${parts}`;
}

/**
 * The article's text with the names and events read in it marked and linked to their pages; each
 * evidence sentence is an anchor (#sN, highlighted only when it is the target), followed by the number
 * of facts drawn from it, which leads to them. Mentions that would cross a sentence's edge are left out.
 */
function markedText(view: GraphView, body: string, sentences: EvidenceSentence[], factsBySentence: Map<number, ArticleFact[]>, mentions: Mention[]): Html {
  const parts: Html[] = [];
  let at = 0;
  const placed = sentences.filter((s) => s.start !== undefined && s.end !== undefined && s.start >= 0 && s.end <= body.length).sort((a, b) => a.start! - b.start!);
  for (const s of placed) {
    if (s.start! < at) continue;
    parts.push(withMentions(view, body, at, s.start!, mentions));
    const n = factsBySentence.get(s.n)?.length ?? 0;
    const cls = n ? 'sentence fact-source' : 'sentence';
    parts.push(html`<span id="s${s.n}" class="${cls}">${withMentions(view, body, s.start!, s.end!, mentions)}</span>${n ? html`<sup><a href="#facts-s${s.n}" title="${n} facts from sentence ${s.n}">${n}</a></sup>` : ''}`);
    at = s.end!;
  }
  parts.push(withMentions(view, body, at, body.length, mentions));
  return html`<div class="article-text">${parts}</div>`;
}

const MENTION_KINDS = ['person', 'organization', 'country', 'place', 'agreement', 'area', 'meeting', 'date'];

/** The legend of the marks, with how many of each, and the nodes named in the article, by kind. */
function mentionLegend(view: GraphView, mentions: Mention[]): Html {
  const counts = MENTION_KINDS.map((k) => ({ k, n: mentions.filter((m) => m.kind === k).length })).filter((c) => c.n);
  return html`<p class="legend marks">${counts.map((c) => html`<span class="mention mention-${c.k}">${c.k === 'date' ? 'meeting date' : c.k === 'meeting' ? 'event' : c.k}</span> ${c.n} `)}</p>`;
}

function articlePage(view: GraphView, iri: string): string {
  const { body, identifier, headline, sentences } = view.article(iri);
  const facts = view.articleFacts(iri);
  const mentions = articleMentions(view, iri, body, sentences);
  const bySentence = new Map<number, ArticleFact[]>();
  for (const f of facts) for (const n of f.sentences) bySentence.set(n, [...(bySentence.get(n) ?? []), f]);
  const title = headline ?? identifier ?? view.label(iri);
  const groups = sentences.filter((s) => bySentence.has(s.n));
  // a statement's IRI (article#f-...) leads to the first row that shows its fact
  const anchored = new Set<string>();
  const anchor = (f: ArticleFact) => {
    const id = f.statement.replace(/^.*#/, '');
    if (anchored.has(id)) return '';
    anchored.add(id);
    return html` id="${id}"`;
  };
  const content = html`<p class="iri"><code>${iri}</code></p>
${alternates(view, iri)}
<p>${facts.length} facts were drawn from this article. The names and events read in it are marked in the text and lead to their pages; the number after a sentence leads to the facts drawn from it.</p>
<section><h2>Text</h2>
${mentionLegend(view, mentions)}
${markedText(view, body, sentences, bySentence, mentions)}
</section>
<section><h2>Facts by sentence</h2>
${groups.map(
  (s) => html`<div class="sentence-facts" id="facts-s${s.n}"><h3><a href="#s${s.n}">Sentence ${s.n}</a></h3><blockquote>${s.exact}</blockquote>
<table class="facts"><tbody>${bySentence.get(s.n)!.map(
    (f) => html`<tr${anchor(f)}><td>${termHtml(view, f.quad.subject)}</td><td>${predicateHtml(view, f.quad.predicate)}</td><td>${termHtml(view, f.quad.object)}</td></tr>`,
  )}</tbody></table></div>`,
)}
</section>`;
  return page({ title, heading: html`${title} <small class="kind">article</small>`, alternates: alternateLinks(view, iri) }, content);
}

/** The page of an IRI the store describes: an article's page or an entity's. */
export function resourcePage(view: GraphView, iri: string): string {
  const isArticle = view.types(iri).some((t) => t.equals(DG.Article));
  return isArticle ? articlePage(view, iri) : entityPage(view, iri);
}
