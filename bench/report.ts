/**
 * The report of `npm run bench` (bench/run.ts): its JSON shape, the Markdown tables and the SVG chart
 * (grouped bars of warm times per query and engine, on a log scale, one panel per size).
 */
import type { EngineRun } from './engine-child.js';

/** One stored query at one size, by engine. Times in ms; undefined when over the cap or not run. */
export interface QueryRow {
  query: string;
  rows: Record<string, number>;
  coldMs: Record<string, number | undefined>;
  warmMs: Record<string, number | undefined>;
  warmRuns: Record<string, number>;
  timedOut: Record<string, boolean>;
  /** Per engine other than the reference (diplograph): "same", or how its answer differs. */
  agree: Record<string, string>;
  /** A whole `diplograph query` process (start to exit) answering from the answer cache, ms. */
  cliCachedMs?: number;
}

/** One graph size. */
export interface SizeReport {
  quads: number;
  triples: number;
  trigMB: number;
  engines: Record<string, EngineRun>;
  queries: QueryRow[];
  /** Engines that could not run, and why. */
  notes: string[];
  loadAverage: [number, number];
}

/** Another part of the benchmark (bench/extraction.ts, bench/export.ts). */
export interface PartReport {
  part: string;
  status: string;
  rows?: Array<Record<string, unknown>>;
}

/** bench/results/bench.json. */
export interface BenchReport {
  part: 'queries';
  date: string;
  machine: { cores: number; cpu: string; memoryGiB: number; node: string };
  command: string;
  seed: number;
  capSeconds: number;
  warm: number;
  engines: string[];
  sizes: SizeReport[];
  parts: PartReport[];
}

const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

/** A time for a table: "12 ms", "3.4 s", "> 120 s" over the cap, "—" when not measured. */
export function fmtMs(ms: number | undefined, timedOut: boolean, capSeconds: number): string {
  if (timedOut && ms === undefined) return `> ${capSeconds} s`;
  if (ms === undefined) return '—';
  if (ms >= 1000) return `${round(ms / 1000, ms >= 10000 ? 0 : 1)} s`;
  return `${ms >= 10 ? round(ms) : round(ms, 1)} ms`;
}

/** diplograph ÷ another engine, as "3.2×", or "—"; a reference over the cap is "> N×". */
export function ratio(ours: number | undefined, oursTimedOut: boolean, theirs: number | undefined, capSeconds: number): string {
  if (theirs === undefined || theirs <= 0) return '—';
  if (ours === undefined) return oursTimedOut ? `> ${round((capSeconds * 1000) / theirs)}×` : '—';
  const r = ours / theirs;
  return `${r >= 10 ? round(r) : round(r, 1)}×`;
}

const label = (q: QueryRow, e: string) => q.timedOut[e] && q.warmMs[e] === undefined;

/** The report as Markdown: the machine, one table per size, the load figures, the parts. */
export function toMarkdown(r: BenchReport): string {
  const cap = r.capSeconds;
  const out = [
    '# Benchmark: stored queries in diplograph, Jena ARQ and Oxigraph',
    '',
    `Measured ${r.date} on ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGiB} GiB RAM, Node ${r.machine.node}; \`${r.command}\` (bench/run.ts), seed ${r.seed}.`,
    `Every stored query with its default parameters (evidence and meeting-participants ask about meeting/a000001-1, which every synthetic graph has: BENCH_PARAMS of bench/synthetic-graph.ts), over the same synthetic TriG (bench/synthetic-graph.ts) in every engine, each engine in its own process after loading the data once: cold = the first run, warm = median of up to ${r.warm} more runs (fewer when they add up to the ${cap} s cap); a run over the cap is "> ${cap} s".`,
    'diplograph = `diplograph query`\'s engine (Comunica with the native query source over the dictionary-encoded union-default-graph view, src/query/native-*.ts; the answer cache not used); "from the cache" = a whole `diplograph query NAME` process (Node start to exit, hashing the graph file) answering a repeated question from the answer cache; server = a worker of `diplograph serve`\'s query pool (answer sent back to the main thread); Jena ARQ timed in the JVM (JVM start apart); Oxigraph with SPARQL-JSON/N-Triples results. "answers": diplograph\'s answer compared with the others (canonicalised rows, ORDER BY order, isomorphic graphs).',
    '',
  ];
  for (const s of r.sizes) {
    out.push(`## ${s.quads.toLocaleString('en')} quads (${s.triples.toLocaleString('en')} triples in the merged default graph, TriG ${round(s.trigMB, 1)} MB)`, '');
    out.push('| engine | engine start | load (parse + index) | of which merge/view | RSS after load | heap after load |', '|---|---:|---:|---:|---:|---:|');
    for (const e of r.engines) {
      const x = s.engines[e];
      if (!x) continue;
      out.push(`| ${e} | ${fmtMs(x.engineLoadMs, false, cap)}${e === 'jena' ? ' (JVM)' : ''} | ${fmtMs(x.loadMs, false, cap)} | ${fmtMs(x.mergeMs, false, cap)} | ${x.rssMB === undefined ? '—' : `${round(x.rssMB)} MB`} | ${x.heapMB === undefined ? '—' : `${round(x.heapMB)} MB`} |`);
    }
    out.push('', '| query | rows | diplograph cold / warm | server cold / warm | Jena cold / warm | Oxigraph cold / warm | diplograph ÷ Jena (warm) | diplograph ÷ Oxigraph (warm) | `diplograph query` from the cache | answers |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const q of s.queries) {
      const cell = (e: string) => (q.rows[e] === undefined && !q.timedOut[e] ? 'not run' : `${fmtMs(q.coldMs[e], !!q.timedOut[e], cap)} / ${fmtMs(q.warmMs[e], label(q, e), cap)}`);
      const agree = Object.entries(q.agree).map(([e, a]) => `${e === 'diplograph-server' ? 'server' : e === 'jena' ? 'Jena' : 'Oxigraph'}: ${a}`).join('; ');
      out.push(`| ${q.query} | ${q.rows.diplograph ?? '—'} | ${cell('diplograph')} | ${cell('diplograph-server')} | ${cell('jena')} | ${cell('oxigraph')} | ${ratio(q.warmMs.diplograph, !!q.timedOut.diplograph, q.warmMs.jena, cap)} | ${ratio(q.warmMs.diplograph, !!q.timedOut.diplograph, q.warmMs.oxigraph, cap)} | ${fmtMs(q.cliCachedMs, false, cap)} | ${agree} |`);
    }
    for (const n of s.notes) out.push('', `Note: ${n}`);
    out.push('', `Load average (1 min) before → after: ${s.loadAverage.join(' → ')} (${r.machine.cores} cores; above that, other processes competed for the CPU).`, '');
  }
  out.push('## Other parts', '');
  for (const p of r.parts) {
    out.push(`### ${p.part}`, '', p.status, '');
    if (!p.rows?.length) continue;
    const keys = [...new Set(p.rows.flatMap((row) => Object.keys(row)))];
    out.push(`| ${keys.join(' | ')} |`, `|${keys.map(() => '---').join('|')}|`);
    for (const row of p.rows) out.push(`| ${keys.map((k) => (row[k] === undefined ? '' : typeof row[k] === 'object' ? JSON.stringify(row[k]) : String(row[k]))).join(' | ')} |`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

const COLORS: Record<string, string> = { diplograph: '#d62728', 'diplograph-server': '#ff9896', jena: '#1f77b4', oxigraph: '#2ca02c' };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The chart: for each size a panel of grouped bars, one group per query, one bar per engine, the
 * height the warm median on a log scale (0.1 ms to the cap); a bar over the cap is hatched at the top.
 */
export function toSvg(r: BenchReport): string {
  const engines = r.engines;
  const queries = r.sizes[0]?.queries.map((q) => q.query) ?? [];
  const bar = 7;
  const group = engines.length * bar + 8;
  const left = 60;
  const panelH = 220;
  const top = 40;
  const width = left + queries.length * group + 90;
  const height = top + r.sizes.length * (panelH + 110) + 20;
  const lo = Math.log10(0.1);
  const hi = Math.log10(r.capSeconds * 1000);
  const y = (ms: number, y0: number) => y0 + panelH - ((Math.log10(Math.max(ms, 0.1)) - lo) / (hi - lo)) * panelH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="10">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${left}" y="16" font-size="13">Stored queries, warm median (log scale), ${esc(r.date)}, ${r.machine.cores} cores</text>`,
  ];
  engines.forEach((e, i) => parts.push(`<rect x="${left + i * 120}" y="24" width="10" height="10" fill="${COLORS[e] ?? '#888'}"/><text x="${left + i * 120 + 14}" y="33">${esc(e)}</text>`));
  r.sizes.forEach((s, si) => {
    const y0 = top + 10 + si * (panelH + 110);
    parts.push(`<text x="${left}" y="${y0 - 2}" font-size="12">${s.quads.toLocaleString('en')} quads</text>`);
    for (let p = Math.ceil(lo); p <= Math.floor(hi); p++) {
      const yy = y(10 ** p, y0);
      const text = p < 0 ? '0.1 ms' : p < 3 ? `${10 ** p} ms` : `${10 ** (p - 3)} s`;
      parts.push(`<line x1="${left}" x2="${width - 20}" y1="${yy}" y2="${yy}" stroke="#ddd"/><text x="${left - 4}" y="${yy + 3}" text-anchor="end">${text}</text>`);
    }
    queries.forEach((name, qi) => {
      const q = s.queries.find((x) => x.query === name);
      const gx = left + qi * group + 4;
      engines.forEach((e, ei) => {
        if (!q) return;
        const over = q.timedOut[e] && q.warmMs[e] === undefined;
        const ms = over ? r.capSeconds * 1000 : q.warmMs[e];
        if (ms === undefined) return;
        const yy = y(ms, y0);
        parts.push(`<rect x="${gx + ei * bar}" y="${yy.toFixed(1)}" width="${bar - 1}" height="${(y0 + panelH - yy).toFixed(1)}" fill="${COLORS[e] ?? '#888'}"${over ? ' fill-opacity="0.4" stroke="black" stroke-dasharray="2,1"' : ''}><title>${esc(`${name} ${e}: ${over ? `> ${r.capSeconds} s` : `${round(ms, 1)} ms`}`)}</title></rect>`);
      });
      parts.push(`<text transform="translate(${gx + group / 2},${y0 + panelH + 6}) rotate(60)" font-size="9">${esc(name)}</text>`);
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
