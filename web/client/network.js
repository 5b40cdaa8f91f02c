/*
 * The interactive network of /network (cytoscape.js, bundled by `npm run build` into dist/web and
 * served from /assets: no CDN). It draws the network the page's filters select, from /network.json
 * (started from the server's own deterministic layout, spread by cytoscape's cose), in place of the static SVG: scroll to zoom, drag a node or
 * the picture, click a node to open its page. Changing a filter (partner, kind, years) redraws it
 * without reloading, and keeps the filters in the address. Labels are drawn on the canvas as text.
 */
import cytoscape from 'cytoscape';

const COLORS = { actor: '#1f5fa8', meeting: '#2e8b57', agreement: '#c8842a' };
const SHAPES = { actor: 'ellipse', meeting: 'round-rectangle', agreement: 'diamond' };

function elements(data) {
  return [
    ...data.nodes.map((n) => ({ group: 'nodes', data: { id: n.id, label: n.label, group: n.group, kind: n.kind, href: n.href, degree: n.degree }, position: { x: n.x, y: n.y } })),
    ...data.edges.map((e) => ({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, predicate: e.predicate } })),
  ];
}

const STYLE = [
  { selector: 'node', style: {
    'background-color': (n) => COLORS[n.data('group')] || '#777',
    shape: (n) => SHAPES[n.data('group')] || 'ellipse',
    width: (n) => 10 + Math.min(26, Math.sqrt(n.data('degree')) * 5),
    height: (n) => 10 + Math.min(26, Math.sqrt(n.data('degree')) * 5),
    label: 'data(label)',
    'font-size': (n) => 9 + Math.min(7, Math.sqrt(n.data('degree')) * 1.5),
    'min-zoomed-font-size': 5,
    'text-valign': 'bottom',
    'text-margin-y': 3,
    'text-wrap': 'ellipsis',
    'text-max-width': '160px',
    'text-background-color': '#fff',
    'text-background-opacity': 0.75,
    'text-background-padding': '1px',
    color: '#1d2330',
  } },
  { selector: 'edge', style: { width: 1, 'line-color': '#b9c2d0', 'curve-style': 'straight', opacity: 0.8 } },
  { selector: 'edge[predicate = "mentions"], edge[predicate = "party"]', style: { 'line-color': '#d9b26f' } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#14233c' } },
  { selector: '.faded', style: { opacity: 0.15 } },
];

function start() {
  const form = document.getElementById('network-filters');
  const container = document.getElementById('network-canvas');
  const fallback = document.getElementById('network-static');
  if (!form || !container) return;
  container.hidden = false;
  if (fallback) fallback.hidden = true;
  document.body.classList.add('has-network');
  // cytoscape adds a <style> for its container unless an element of this id exists; the page's CSP
  // forbids inline style, and web/style.css has that rule (.__________cytoscape_container)
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    const marker = document.createElement('meta');
    marker.id = '__________cytoscape_stylesheet';
    document.head.appendChild(marker);
  }
  const cy = cytoscape({ container, style: STYLE, layout: { name: 'preset' }, minZoom: 0.2, maxZoom: 5, boxSelectionEnabled: false });
  window.diplographNetwork = cy;
  cy.on('tap', 'node', (event) => {
    const href = event.target.data('href');
    if (typeof href === 'string' && /^\/(?!\/)/.test(href)) window.location.assign(href);
  });
  // hovering a node fades what it is not linked to
  cy.on('mouseover', 'node', (event) => {
    const near = event.target.closedNeighborhood();
    cy.elements().not(near).addClass('faded');
  });
  cy.on('mouseout', 'node', () => cy.elements().removeClass('faded'));
  const summary = document.getElementById('network-summary');
  const error = document.createElement('p');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  form.insertAdjacentElement('afterend', error);
  let asked = 0;
  const load = async () => {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
    const ticket = ++asked;
    const response = await fetch(`/network.json?${params}`, { headers: { Accept: 'application/json' } });
    if (ticket !== asked) return; // a later change has been asked for
    if (!response.ok) {
      error.textContent = await response.text();
      error.hidden = false;
      return;
    }
    error.hidden = true;
    const data = await response.json();
    cy.elements().remove();
    cy.add(elements(data));
    cy.resize();
    // spread from the server's layout (the same start gives the same picture), labels counted in
    cy.layout({ name: 'cose', randomize: false, animate: false, fit: true, padding: 24, nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 6000, idealEdgeLength: () => 55, gravity: 1.2, componentSpacing: 40, numIter: 1500, boundingBox: { x1: 0, y1: 0, w: container.clientWidth, h: container.clientHeight } }).run();
    if (summary) {
      summary.querySelector('.count-nodes').textContent = String(data.nodes.length);
      summary.querySelector('.count-edges').textContent = String(data.edges.length);
    }
    history.replaceState(null, '', `/network${params.toString() ? `?${params}` : ''}`);
    container.dataset.loaded = String(ticket);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  form.addEventListener('change', () => void load());
  void load();
}

start();
