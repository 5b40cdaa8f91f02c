/**
 * The two pictures of the web UI, drawn on the server as SVG (no script, no external library): a
 * timeline of the dated meetings and the network of actors, meetings and agreements. Every label
 * is escaped; every mark is a link to the page of what it shows. Same graph, same picture: the
 * layout is deterministic.
 */
import type { MeetingInfo, Network } from './graph-view.js';
import { seededRandom } from '../random.js';
import { html, type Html } from './html.js';

/** The position of an ISO date (YYYY, YYYY-MM, YYYY-MM-DD) in fractional years; the middle of its period. */
export function yearOf(date: string): number | undefined {
  const m = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return year + 0.5;
  const month = Number(m[2]) - 1;
  if (m[3] === undefined) return year + (month + 0.5) / 12;
  return year + (month + (Number(m[3]) - 0.5) / 31) / 12;
}

/**
 * A horizontal timeline of the dated meetings: one tick per year, one dot per meeting, labels
 * stacked in rows so that they do not overlap.
 */
export function timelineSvg(meetings: MeetingInfo[], href: (iri: string) => string): Html {
  const dated = meetings.map((m) => ({ m, y: m.date ? yearOf(m.date) : undefined })).filter((d): d is { m: MeetingInfo; y: number } => d.y !== undefined);
  if (!dated.length) return html`<p>No meeting has a date the articles give.</p>`;
  const first = Math.floor(Math.min(...dated.map((d) => d.y)));
  const last = Math.floor(Math.max(...dated.map((d) => d.y))) + 1;
  const width = 1000;
  const left = 40;
  const right = 40;
  const x = (y: number) => left + ((y - first) / (last - first)) * (width - left - right);
  const rowHeight = 22;
  const rowsEnd: number[] = [];
  const marks = dated.map(({ m, y }) => {
    const cx = x(y);
    const text = m.label.length > 48 ? `${m.label.slice(0, 47)}…` : m.label;
    const textWidth = text.length * 6.2;
    let row = rowsEnd.findIndex((end) => end < cx);
    if (row < 0) row = rowsEnd.push(0) - 1;
    rowsEnd[row] = cx + textWidth + 12;
    return { m, cx, row, text };
  });
  const axisY = 30;
  const height = axisY + 30 + rowsEnd.length * rowHeight;
  const ticks = [];
  for (let year = first; year <= last; year++) {
    ticks.push(html`<line x1="${x(year).toFixed(1)}" y1="${axisY - 5}" x2="${x(year).toFixed(1)}" y2="${axisY + 5}" class="tick"/><text x="${x(year).toFixed(1)}" y="${axisY - 10}" class="year">${year}</text>`);
  }
  const dots = marks.map(({ m, cx, row, text }) => {
    const ty = axisY + 30 + row * rowHeight;
    return html`<a href="${href(m.iri)}" class="meeting kind-${m.kind}"><title>${m.label} (${m.date}${m.dateText ? `, "${m.dateText}"` : ''})</title><line x1="${cx.toFixed(1)}" y1="${axisY}" x2="${cx.toFixed(1)}" y2="${ty - 4}" class="stem"/><circle cx="${cx.toFixed(1)}" cy="${axisY}" r="5"/><text x="${(cx + 4).toFixed(1)}" y="${ty + 4}">${text}</text></a>`;
  });
  return html`<svg class="timeline" role="img" aria-label="Timeline of meetings" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">
<line x1="${left}" y1="${axisY}" x2="${width - right}" y2="${axisY}" class="axis"/>
${ticks}
${dots}
</svg>`;
}


/**
 * Node positions by a force-directed layout (Fruchterman-Reingold) in a width x height box, from a
 * fixed seed: the same network always gets the same picture.
 */
export function layout(network: Network, width: number, height: number, iterations = 300): Map<string, { x: number; y: number }> {
  const rnd = seededRandom(42);
  const pos = network.nodes.map(() => ({ x: rnd() * width, y: rnd() * height }));
  const index = new Map(network.nodes.map((n, i) => [n.iri, i]));
  const edges = network.edges.map((e) => [index.get(e.source)!, index.get(e.target)!] as const);
  const k = Math.sqrt((width * height) / Math.max(1, network.nodes.length)) * 0.75;
  let temperature = width / 10;
  for (let it = 0; it < iterations; it++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < pos.length; i++) {
      for (let j = i + 1; j < pos.length; j++) {
        const dx = pos[i].x - pos[j].x;
        const dy = pos[i].y - pos[j].y;
        const d = Math.max(0.01, Math.hypot(dx, dy));
        const f = (k * k) / d;
        disp[i].x += (dx / d) * f;
        disp[i].y += (dy / d) * f;
        disp[j].x -= (dx / d) * f;
        disp[j].y -= (dy / d) * f;
      }
    }
    for (const [a, b] of edges) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (d * d) / k;
      disp[a].x -= (dx / d) * f;
      disp[a].y -= (dy / d) * f;
      disp[b].x += (dx / d) * f;
      disp[b].y += (dy / d) * f;
    }
    for (let i = 0; i < pos.length; i++) {
      // gravity keeps the parts that are not connected to each other in the picture
      disp[i].x += (width / 2 - pos[i].x) * 0.05;
      disp[i].y += (height / 2 - pos[i].y) * 0.05;
      const d = Math.max(0.01, Math.hypot(disp[i].x, disp[i].y));
      pos[i].x += (disp[i].x / d) * Math.min(d, temperature);
      pos[i].y += (disp[i].y / d) * Math.min(d, temperature);
    }
    temperature = Math.max(1, temperature * 0.985);
  }
  // scale the result into the box, leaving room for the labels on the right
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = 20;
  const sx = (width - 2 * margin - 140) / Math.max(1, x1 - x0);
  const sy = (height - 2 * margin) / Math.max(1, y1 - y0);
  for (const p of pos) {
    p.x = margin + (p.x - x0) * sx;
    p.y = margin + (p.y - y0) * sy;
  }
  return new Map(network.nodes.map((n, i) => [n.iri, pos[i]]));
}

/** The network as SVG: actors, meetings and agreements as circles, squares and diamonds, linked to their pages. */
export function networkSvg(network: Network, href: (iri: string) => string): Html {
  if (!network.nodes.length) return html`<p>The graph has no meetings or agreements with actors yet.</p>`;
  const width = 1000;
  const height = 700;
  const pos = layout(network, width, height);
  const lines = network.edges.map((e) => {
    const a = pos.get(e.source)!;
    const b = pos.get(e.target)!;
    const kind = e.predicate.replace(/^.*[#/]/, '');
    return html`<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" class="edge edge-${kind}"/>`;
  });
  const marks = network.nodes.map((n) => {
    const { x, y } = pos.get(n.iri)!;
    const r = 4 + Math.min(8, Math.sqrt(n.degree) * 1.5);
    const shape =
      n.group === 'actor'
        ? html`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"/>`
        : n.group === 'meeting'
          ? html`<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${(2 * r).toFixed(1)}" height="${(2 * r).toFixed(1)}"/>`
          : html`<polygon points="${`${x.toFixed(1)},${(y - r).toFixed(1)} ${(x + r).toFixed(1)},${y.toFixed(1)} ${x.toFixed(1)},${(y + r).toFixed(1)} ${(x - r).toFixed(1)},${y.toFixed(1)}`}"/>`;
    const text = n.label.length > 28 ? `${n.label.slice(0, 27)}…` : n.label;
    return html`<a href="${href(n.iri)}" class="node node-${n.group}"><title>${n.label}</title>${shape}<text x="${(x + r + 2).toFixed(1)}" y="${(y + 4).toFixed(1)}">${text}</text></a>`;
  });
  return html`<svg class="network" role="img" aria-label="Network of actors, meetings and agreements" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">
${lines}
${marks}
</svg>`;
}
