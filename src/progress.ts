/**
 * Progress of a long job (articles extracted out of a total): on a terminal, one bar redrawn in place
 * (done / total, rate, time left); elsewhere (a log file, CI), a plain line at every 10% and at least
 * every `intervalMs`; nothing when quiet.
 *
 * @example
 * const progress = createProgress({ total: files.length, label: 'extracting', stream: process.stderr });
 * for (const f of files) { work(f); progress.tick(); }
 * progress.done();
 */

/** The part of a stream the progress needs (process.stderr, or a fake in tests). */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  total: number;
  /** What is being counted, e.g. "extracting"; shown first. */
  label: string;
  stream: ProgressStream;
  quiet?: boolean;
  /** The unit in plain lines and the bar, e.g. "articles". */
  unit?: string;
  /** The clock, in ms (tests give a fake one). */
  now?: () => number;
  /** Plain mode: the longest time between two lines, in ms (default 10 s). */
  intervalMs?: number;
  /** TTY mode: the shortest time between two redraws, in ms (default 100). */
  redrawMs?: number;
}

export interface Progress {
  /** Counts `n` more items done. */
  tick(n?: number): void;
  /** Ends the progress: the final state, and a newline on a terminal. */
  done(): void;
}

/** Seconds as "1h02m", "3m05s" or "12s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/** The bar line: `label [#####-----] 50/100 articles  123.4/s  00:04 left`, fitted to `width` columns. */
export function renderBar(label: string, done: number, total: number, elapsedMs: number, unit: string, width = 80): string {
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const left = rate > 0 ? (total - done) / rate : Infinity;
  const pct = total ? Math.floor((done / total) * 100) : 100;
  const tail = ` ${done}/${total} ${unit} ${pct}% ${rate.toFixed(1)}/s ${done >= total ? `in ${formatDuration(elapsedMs / 1000)}` : `${formatDuration(left)} left`}`;
  const room = Math.max(10, Math.min(40, width - label.length - tail.length - 4));
  const filled = total ? Math.round((done / total) * room) : room;
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(room - filled)}]${tail}`;
}

/** A progress reporter that draws a bar on a TTY stream and writes plain lines otherwise. */
export function createProgress(options: ProgressOptions): Progress {
  const { total, label, stream } = options;
  const unit = options.unit ?? 'articles';
  const now = options.now ?? (() => performance.now());
  const intervalMs = options.intervalMs ?? 10_000;
  const redrawMs = options.redrawMs ?? 100;
  const start = now();
  let count = 0;
  let lastDecile = 0;
  let finished = false;
  if (options.quiet) return { tick() {}, done() {} };
  const tty = stream.isTTY === true;
  let lastDraw = tty ? -Infinity : start;
  const draw = () => {
    const t = now();
    stream.write(`\r${renderBar(label, count, total, t - start, unit, stream.columns ?? 80)}\x1b[K`);
    lastDraw = t;
  };
  const line = () => {
    const t = now();
    const rate = t > start ? count / ((t - start) / 1000) : 0;
    const pct = total ? Math.floor((count / total) * 100) : 100;
    stream.write(`${label}: ${count}/${total} ${unit} (${pct}%), ${rate.toFixed(1)}/s, ${count >= total ? `done in ${formatDuration((t - start) / 1000)}` : `${formatDuration(rate > 0 ? (total - count) / rate : Infinity)} left`}\n`);
    lastDraw = t;
  };
  return {
    tick(n = 1) {
      if (finished) return;
      count = Math.min(total, count + n);
      if (count >= total) return;
      const t = now();
      if (tty) {
        if (t - lastDraw >= redrawMs) draw();
        return;
      }
      const decile = total ? Math.floor((count / total) * 10) : 10;
      if (decile > lastDecile || t - lastDraw >= intervalMs) {
        lastDecile = Math.max(lastDecile, decile);
        line();
      }
    },
    done() {
      if (finished) return;
      finished = true;
      count = total;
      if (tty) {
        draw();
        stream.write('\n');
      } else line();
    },
  };
}
