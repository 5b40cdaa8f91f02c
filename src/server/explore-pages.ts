/**
 * The timeline and the network pages, with their filters: by partner (an actor, by name or IRI, as the
 * query forms take it), by kind of meeting, by years. The filters are plain GET forms, so the pages work
 * without script: the server draws the filtered SVG. With script, the network page draws the same
 * network with cytoscape.js (zoom, drag, a node's page on a click) from `/network.json`, and redraws it
 * as the filters change. Every value is escaped; the JSON is data that the script shows as text.
 */
import { UserError } from '../errors.js';
import { nameChoices, resolveParams } from '../query/names.js';
import type { QueryParam, StoredQuery } from '../query/stored-queries.js';
import { MEETING_KINDS } from '../vocab.js';
import { layout, networkSvg, timelineSvg } from './charts.js';
import { KINDS, type GraphView, type NetworkFilter } from './graph-view.js';
import { HttpError } from './http.js';
import { html, page, type Html } from './html.js';

const PARTNER: QueryParam = { name: 'partner', type: 'actor', description: 'the partner' };
const PARTNER_QUERY: StoredQuery = { name: 'filter', path: '', title: '', description: '', params: [PARTNER], text: '' };

/** The filter the request gives; a partner that names no actor, or a bad year or kind, is a 400. */
export function networkFilter(view: GraphView, params: URLSearchParams): NetworkFilter & { partnerName?: string } {
  const out: NetworkFilter & { partnerName?: string } = {};
  const partner = params.get('partner')?.trim();
  if (partner) {
    try {
      out.partner = resolveParams(PARTNER_QUERY, { partner }, view.store, view.site.base).partner.slice(1, -1);
    } catch (error) {
      if (error instanceof UserError) throw new HttpError(400, error.message);
      throw error;
    }
    out.partnerName = partner;
  }
  const kind = params.get('kind')?.trim();
  if (kind) {
    if (kind !== 'agreement' && !(kind in MEETING_KINDS)) throw new HttpError(400, `parameter "kind": "${kind}" is no kind (use ${[...Object.keys(MEETING_KINDS), 'agreement'].join(', ')})`);
    out.kind = kind;
  }
  for (const name of ['from', 'to', 'year'] as const) {
    const v = params.get(name)?.trim();
    if (!v) continue;
    if (!/^\d{4}$/.test(v)) throw new HttpError(400, `parameter "${name}": "${v}" is not a year (YYYY)`);
    if (name === 'year') out.from = out.to = Number(v);
    else out[name] = Number(v);
  }
  return out;
}

/** The filter of a page's request; a bad one is shown on the page (status 400) and the page shows everything. */
function pageFilter(view: GraphView, params: URLSearchParams): { filter: ReturnType<typeof networkFilter>; error: Html; status: number } {
  try {
    return { filter: networkFilter(view, params), error: html``, status: 200 };
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    return { filter: {}, error: html`<p class="error" role="alert">${e.message}</p>`, status: e.status };
  }
}

/** The actors to choose a partner from (names, as the query forms offer them). */
function partnerList(view: GraphView): Html {
  const choices = nameChoices(PARTNER, view.store, view.site.base, (iri) => view.label(iri));
  return html`<datalist id="names-actor">${choices.map((c) => html`<option value="${c.value}">${KINDS.find((k) => k.name === view.kind(c.iri))?.singular ?? ''}</option>`)}</datalist>`;
}

/** The years the dated meetings span, first to last. */
function years(view: GraphView): number[] {
  const dated = view.meetings().filter((m) => m.date).map((m) => Number(m.date!.slice(0, 4)));
  if (!dated.length) return [];
  const out = [];
  for (let y = Math.min(...dated); y <= Math.max(...dated); y++) out.push(y);
  return out;
}

function yearSelect(name: string, label: string, all: number[], chosen: number | undefined): Html {
  return html`<label>${label} <select name="${name}"><option value="">any</option>${all.map((y) => html`<option value="${y}"${y === chosen ? html` selected` : ''}>${y}</option>`)}</select></label>`;
}

function partnerInput(params: URLSearchParams): Html {
  return html`<label>Partner <input name="partner" list="names-actor" autocomplete="off" value="${params.get('partner') ?? ''}" placeholder="e.g. France"></label>`;
}

export function timelinePage(view: GraphView, params: URLSearchParams): { status: number; body: string } {
  const { filter, error, status } = pageFilter(view, params);
  const selected = status === 200 ? view.selectedEvents({ partner: filter.partner, from: filter.from, to: filter.to }) : undefined;
  const meetings = view.meetings().filter((m) => !selected || selected.has(m.iri));
  const dated = meetings.filter((m) => m.date);
  const rows = meetings.map(
    (m) => html`<tr><td>${m.date ?? '—'}</td><td>${m.dateText ?? ''}</td><td>${m.kind}</td><td><a href="${view.href(m.iri)}">${m.label}</a></td><td>${m.participants.map((p, i) => html`${i ? ', ' : ''}<a href="${view.href(p)}">${view.label(p)}</a>`)}</td></tr>`,
  );
  const form = html`<form class="filters" action="/timeline" method="get">${partnerInput(params)} ${yearSelect('year', 'Year', years(view), filter.from)} <button type="submit">Filter</button> <a href="/timeline">all meetings</a></form>${partnerList(view)}`;
  const body = html`${form}${error}
<p>${meetings.length} meetings${filter.partner ? html` with <a href="${view.href(filter.partner)}">${view.label(filter.partner)}</a>` : ''}${filter.from !== undefined ? ` in ${filter.from}` : ''}; ${dated.length} with a date the articles give (at the precision they give it), placed below by the middle of their day, month or year.</p>
${timelineSvg(meetings, (iri) => view.href(iri))}
<table class="meetings"><thead><tr><th>date</th><th>as written</th><th>kind</th><th>meeting</th><th>participants</th></tr></thead><tbody>${rows}</tbody></table>`;
  return { status, body: page({ title: 'Timeline of meetings' }, body) };
}

/** The network as JSON for the script: nodes with their page, group, kind and the server's (deterministic) layout; links. */
export function networkJson(view: GraphView, params: URLSearchParams): string {
  const network = view.network(150, networkFilter(view, params));
  const pos = layout(network, 1000, 700);
  const kindOf = new Map(view.meetings().map((m) => [m.iri, m.kind]));
  return JSON.stringify({
    nodes: network.nodes.map((n) => ({ id: n.iri, label: n.label, group: n.group, kind: kindOf.get(n.iri) ?? n.group, degree: n.degree, href: view.href(n.iri), x: Math.round(pos.get(n.iri)!.x), y: Math.round(pos.get(n.iri)!.y) })),
    edges: network.edges.map((e, i) => ({ id: `e${i}`, source: e.source, target: e.target, predicate: e.predicate.replace(/^.*[#/]/, '') })),
    total: network.total,
  });
}

export function networkPage(view: GraphView, params: URLSearchParams): { status: number; body: string } {
  const { filter, error, status } = pageFilter(view, params);
  const network = view.network(150, filter);
  const cut = network.total > network.nodes.length ? html` (the ${network.nodes.length} best-connected of ${network.total})` : '';
  const kinds = [...Object.keys(MEETING_KINDS), 'agreement'];
  const all = years(view);
  const form = html`<form class="filters" id="network-filters" action="/network" method="get">${partnerInput(params)}
<label>Kind <select name="kind"><option value="">all</option>${kinds.map((k) => html`<option value="${k}"${k === filter.kind ? html` selected` : ''}>${k}</option>`)}</select></label>
${yearSelect('from', 'From', all, filter.from)} ${yearSelect('to', 'to', all, filter.to)}
<button type="submit">Filter</button> <a href="/network">everything</a></form>${partnerList(view)}`;
  const body = html`${form}${error}
<p id="network-summary">Actors (circles), meetings (squares) and agreements (diamonds), linked by participation, chairing, hosting, mentions, parties and affiliation: <span class="count-nodes">${network.nodes.length}</span> nodes${cut} and <span class="count-edges">${network.edges.length}</span> links. Each node leads to its page.</p>
<p class="legend"><span class="node-actor">● actor</span> <span class="node-meeting">■ meeting</span> <span class="node-agreement">◆ agreement</span> <span class="hint script-only">Scroll to zoom, drag to move a node or the picture, click a node for its page.</span></p>
<div id="network-canvas" class="network-canvas" hidden></div>
<div id="network-static">${networkSvg(network, (iri) => view.href(iri))}</div>`;
  return { status, body: page({ title: 'Network', scripts: ['/assets/network.js'] }, body) };
}
