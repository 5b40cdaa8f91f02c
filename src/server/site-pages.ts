/**
 * The pages of the web UI other than the resources' own: the home page (counts and a search), the
 * search results, a list per kind, the stored queries (listed, and run with their parameters: names
 * to choose from, results as a table with download links) and the SPARQL endpoint's page (a form that
 * web/client/sparql-editor.js turns into an editor). Server-rendered HTML that works without script;
 * every value from the graph or the request is escaped. The timeline and network: explore-pages.ts.
 */
import type * as RDF from '@rdfjs/types';
import { UserError } from '../errors.js';
import { DG_TERMS, PREFIXES } from '../vocab.js';
import type { QueryResult } from '../query/engine.js';
import { NODE_TYPES, nameChoices, resolveParams } from '../query/names.js';
import { didYouMean } from '../suggest.js';
import { bindParams, getQuery, listQueries, type QueryParam, type StoredQuery } from '../query/stored-queries.js';
import { downloadLinks } from './downloads.js';
import { KINDS, type GraphView } from './graph-view.js';
import { HttpError } from './http.js';
import { html, page, type Html } from './html.js';
import { termHtml } from './resource-page.js';

/** Runs a SPARQL query for a page (the same engine, limits and timeout as the endpoint). */
/** Answers a bound stored query; `fromCache` when the answer was kept for this graph rather than evaluated. */
export type QueryRunner = (query: string) => Promise<QueryResult & { fromCache?: boolean }>;

export function homePage(view: GraphView, quads: number): string {
  const counts = view.counts();
  const body = html`<p class="lead">Defence-diplomacy news articles as a knowledge graph: who met whom, when and where, what they agreed, and on which areas of cooperation. Every fact links to the sentence it was read in.</p>
<form class="search big" action="/search" method="get" role="search"><label for="q">Search by label</label> <input id="q" type="search" name="q" placeholder="e.g. Nguyen Chi Vinh, France, peacekeeping"> <button type="submit">Search</button></form>
<section><h2>In the graph</h2>
<ul class="counts">${counts.map((c) => {
    const slug = KINDS.find((k) => k.name === c.kind)!.slug;
    return html`<li><a href="/browse/${slug}"><span class="count">${c.count}</span> ${c.kind}</a></li>`;
  })}</ul>
<p>${quads} quads in all, one named graph per article.</p>
</section>
<section><h2>Explore</h2>
<ul>
<li><a href="/timeline">Timeline of the meetings</a></li>
<li><a href="/network">The network of actors, meetings and agreements</a></li>
<li><a href="/queries">The stored queries</a>: analysts' questions, answered by SPARQL</li>
<li><a href="/sparql">The SPARQL endpoint</a> (SPARQL 1.1 Protocol), for YASGUI, rdflib, Comunica and other clients</li>
</ul>
</section>`;
  return page({ title: 'diplograph' }, body);
}

function hitList(view: GraphView, hits: { iri: string; label: string; kind: string }[]): Html {
  return html`<ul class="hits">${hits.map((h) => html`<li><a href="${view.href(h.iri)}">${h.label}</a> <span class="kind">${h.kind}</span></li>`)}</ul>`;
}

export function searchPage(view: GraphView, q: string): string {
  const { hits, total } = view.search(q);
  const summary = !q.trim() ? html`<p>Type a name, a label or an acronym.</p>` : total === 0 ? html`<p>Nothing has a label containing <q>${q}</q>.</p>` : html`<p>${total} found${total > hits.length ? html`, the first ${hits.length} shown` : ''}.</p>`;
  const body = html`<form class="search big" action="/search" method="get" role="search"><input type="search" name="q" value="${q}" aria-label="Search by label"> <button type="submit">Search</button></form>
${summary}
${hitList(view, hits)}`;
  return page({ title: q.trim() ? `Search: ${q}` : 'Search' }, body);
}

export function browsePage(view: GraphView, slug: string): string {
  const kind = KINDS.find((k) => k.slug === slug);
  if (!kind) throw new HttpError(404, `not found: no list "${slug}" (lists: ${KINDS.map((k) => k.slug).join(', ')})`);
  const members = view.members(kind.name);
  return page({ title: kind.name }, html`<p>${members.length} in the graph.</p>${hitList(view, members)}`);
}

export function queriesPage(): string {
  const queries = listQueries();
  const body = html`<p>Each stored query is one analyst's question, kept as a SPARQL file in <code>queries/</code>. Open one to set its parameters and run it.</p>
<table class="queries"><thead><tr><th>query</th><th>question</th><th>parameters</th></tr></thead><tbody>${queries.map(
    (q) => html`<tr><td><a href="/queries/${q.name}">${q.name}</a></td><td><strong>${q.title}</strong><br>${q.description}</td><td>${q.params.map((p) => html`<code>${p.name}</code> `)}</td></tr>`,
  )}</tbody></table>`;
  return page({ title: 'Stored queries' }, body);
}

/** A result as an HTML table: IRIs as links to their pages, labelled; literals as text. */
export function resultTable(view: GraphView, result: QueryResult): Html {
  if (result.type === 'boolean') return html`<p class="answer">Answer: <strong>${result.value ? 'yes' : 'no'}</strong></p>`;
  if (result.type === 'quads') {
    const rows = result.quads.map((q) => html`<tr><td>${termHtml(view, q.subject)}</td><td>${termHtml(view, q.predicate)}</td><td>${termHtml(view, q.object)}</td></tr>`);
    return html`<p>${result.quads.length} triples.</p><table class="results"><thead><tr><th>subject</th><th>predicate</th><th>object</th></tr></thead><tbody>${rows}</tbody></table>`;
  }
  const cell = (t: RDF.Term | undefined) => (t ? termHtml(view, t) : '');
  return html`<p>${result.rows.length} rows.</p><table class="results"><thead><tr>${result.variables.map((v) => html`<th>${v}</th>`)}</tr></thead><tbody>${result.rows.map(
    (r) => html`<tr>${result.variables.map((v) => html`<td>${cell(r[v])}</td>`)}</tr>`,
  )}</tbody></table>`;
}

/** The datalists of a form's node parameters (names to choose from, no script needed), one per type. */
function nameLists(view: GraphView, q: StoredQuery): Html {
  const types = [...new Set(q.params.filter((p) => NODE_TYPES[p.type]?.cls).map((p) => p.type))];
  return html`${types.map((t) => {
    const p = q.params.find((x) => x.type === t)!;
    const choices = nameChoices(p, view.store, view.site.base, (iri) => view.label(iri));
    return html`<datalist id="names-${t}">${choices.map((c) => html`<option value="${c.value}">${view.kind(c.iri) ? KINDS.find((k) => k.name === view.kind(c.iri))!.singular : ''}</option>`)}</datalist>`;
  })}`;
}

/** A default as the form shows it: a node's name when a name names it alone, else as the query gives it. */
function shownDefault(view: GraphView, p: QueryParam): string | undefined {
  if (p.default === undefined || !NODE_TYPES[p.type]?.cls || p.defaultTerm?.termType !== 'NamedNode') return p.default;
  const iri = p.defaultTerm.value;
  return nameChoices(p, view.store, view.site.base, (i) => view.label(i)).find((c) => c.iri === iri)?.value ?? p.default;
}

function paramForm(view: GraphView, q: StoredQuery, given: URLSearchParams): Html {
  const fields = q.params.map((p) => {
    const value = given.get(p.name) ?? shownDefault(view, p) ?? '';
    const note = p.optional ? 'optional' : p.default !== undefined ? `default ${shownDefault(view, p)}` : 'required';
    const list = NODE_TYPES[p.type]?.cls ? html` list="names-${p.type}" autocomplete="off"` : '';
    const type = p.type === 'date' ? html` type="date"` : p.type === 'integer' ? html` inputmode="numeric"` : '';
    return html`<p><label for="p-${p.name}"><code>${p.name}</code> (${p.type}${p.language ? `@${p.language}` : ''}, ${note})</label><br><input id="p-${p.name}" name="${p.name}" value="${value}"${list}${type}> <span class="hint">${p.description}</span></p>`;
  });
  return html`<form class="run" action="/queries/${q.name}" method="get">${fields}${nameLists(view, q)}<input type="hidden" name="run" value="1"><button type="submit">Run the query</button></form>`;
}

/** The stored query bound to the values the request gives (names and IRIs of nodes checked against the graph). Throws UserError. */
export function boundStoredQuery(view: GraphView, q: StoredQuery, params: URLSearchParams): string {
  const given: Record<string, string> = {};
  for (const p of q.params) {
    const v = params.get(p.name);
    if (v !== null && v.trim() !== '') given[p.name] = v.trim();
  }
  // Names and IRIs of actors, meetings and areas are looked up in the graph (names.ts), as by diplograph query.
  return bindParams(q, resolveParams(q, given, view.store, view.site.base));
}

/** A stored query by name, or a 404 that suggests the nearest. */
export function storedQuery(name: string): StoredQuery {
  try {
    return getQuery(name);
  } catch {
    throw new HttpError(404, `not found: no stored query "${name}"${didYouMean(name, listQueries().map((x) => x.name))} (see /queries)`);
  }
}

/** The query string of a stored query's page, without `run`: the parameters, for the download links. */
function paramsQuery(q: StoredQuery, params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const p of q.params) {
    const v = params.get(p.name);
    if (v !== null && v.trim() !== '') kept.set(p.name, v.trim());
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}

/**
 * The page of one stored query: its question, its parameters as a form (with the names to choose
 * from), its SPARQL, and with `run=1` its answer as a table with links to download it. A bad
 * parameter value is a 400 page that says which and why.
 */
export async function queryPage(view: GraphView, name: string, params: URLSearchParams, runQuery: QueryRunner): Promise<{ status: number; body: string }> {
  const q = storedQuery(name);
  let answer: Html = html``;
  let status = 200;
  if (params.get('run') === '1') {
    try {
      const result = await runQuery(boundStoredQuery(view, q, params));
      const note = result.fromCache ? html`<p class="note">Answered from the answers kept for this very graph file (the answer cache), not evaluated again.</p>` : html``;
      const links = downloadLinks(result, (ext) => `/queries/${q.name}.${ext}${paramsQuery(q, params)}`);
      answer = html`<section id="answer"><h2>Answer</h2>${note}${links}${resultTable(view, result)}</section>`;
    } catch (error) {
      if (!(error instanceof UserError) && !(error instanceof HttpError)) throw error;
      status = error instanceof HttpError ? error.status : /no answer within/.test(error.message) ? 503 : 400;
      answer = html`<section id="answer"><h2>No answer</h2><p class="error" role="alert">${error.message}</p></section>`;
    }
  }
  const body = html`<p>${q.description}</p>
${paramForm(view, q, params)}
${answer}
<details><summary>The SPARQL (<code>${q.path.replace(/^.*\//, 'queries/')}</code>)</summary><pre class="sparql">${q.text}</pre></details>`;
  return { status, body: page({ title: q.title }, body) };
}

const EXAMPLE_BODY = `SELECT ?meeting ?label ?participant WHERE {
  ?meeting dg:participant ?participant ; rdfs:label ?label .
}
ORDER BY ?meeting ?participant
LIMIT 20`;

/** The prefixes of the graph, with the base of the served IRIs as dgr:. */
function graphPrefixes(view: GraphView): [string, string][] {
  return Object.entries({ ...PREFIXES, dgr: view.site.base });
}

/** The query the editor starts with: every prefix of the graph declared, and an example. */
export function exampleQuery(view: GraphView): string {
  return `${graphPrefixes(view).map(([p, ns]) => `PREFIX ${p}: <${ns}>`).join('\n')}\n${EXAMPLE_BODY}`;
}

/** The terms of the ontology, as prefixed names, for the editor's completion (a datalist: names only, read as text). */
function ontologyTerms(): Html {
  return html`<datalist id="sparql-terms">${DG_TERMS.map((t) => html`<option value="dg:${t}"></option>`)}${['rdf:type', 'rdfs:label', 'skos:prefLabel', 'skos:altLabel', 'rdf:Statement', 'rdf:subject', 'rdf:predicate', 'rdf:object', 'prov:wasDerivedFrom', 'oa:hasSource', 'oa:exact', 'schema:articleBody', 'schema:headline', 'dcterms:identifier'].map((t) => html`<option value="${t}"></option>`)}</datalist>`;
}

/**
 * The SPARQL endpoint's page for a browser: a form (GET /sparql) that a script turns into an editor
 * (highlighting, completion, the stored queries as examples), the graph's prefixes, and the answer as a
 * table with download links, or the error. Machine clients ask for a result format and never see it.
 */
export function sparqlPage(view: GraphView, query: string | undefined, answer?: { result?: QueryResult; error?: string }): string {
  const shown = answer?.error
    ? html`<section id="answer"><h2>No answer</h2><p class="error" role="alert">${answer.error}</p></section>`
    : answer?.result
      ? html`<section id="answer"><h2>Answer</h2>${downloadLinks(answer.result, (ext) => `/download/answer.${ext}?${new URLSearchParams({ query: query ?? '' }).toString()}`)}${resultTable(view, answer.result)}</section>`
      : '';
  const examples = listQueries();
  const body = html`<p>A read-only SPARQL 1.1 endpoint: GET or POST <code>query=</code>; answers as SPARQL JSON, XML, CSV or TSV (SELECT, ASK) and Turtle, N-Triples or JSON-LD (CONSTRUCT, DESCRIBE) by <code>Accept</code>. The default graph is the union of the articles' graphs; <code>GRAPH</code> reads one. See also the <a href="/queries">stored queries</a>.</p>
<div class="sparql-layout">
<div class="sparql-main">
<form class="sparql" action="/sparql" method="get"><textarea name="query" rows="14" cols="100" aria-label="SPARQL query">${query ?? exampleQuery(view)}</textarea><br><button type="submit">Run</button> <span class="hint editor-hint">Ctrl+Enter runs the query; Ctrl+Space completes terms, prefixes and variables; a prefix of the graph that the query uses is declared for it.</span></form>
${shown}
</div>
<aside class="sparql-side">
<details open><summary>Examples: the stored queries</summary>
<ul class="examples">${examples.map((q) => html`<li><a data-example="${q.name}" href="/sparql?${new URLSearchParams({ query: q.text }).toString()}" title="${q.description}">${q.title}</a></li>`)}</ul>
</details>
<details><summary>Prefixes</summary>
<dl id="prefixes">${graphPrefixes(view).map(([p, ns]) => html`<dt>${p}:</dt><dd>${ns}</dd>`)}</dl>
</details>
</aside>
</div>
${ontologyTerms()}`;
  return page({ title: 'SPARQL endpoint', scripts: ['/assets/sparql-editor.js'] }, body);
}
