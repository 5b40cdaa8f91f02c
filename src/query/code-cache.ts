/**
 * Loads a CommonJS file (the Comunica bundle, dist/vendor/comunica.cjs) with V8's code cache: the code that
 * V8 compiled for it in an earlier process, kept beside it, so that a fresh `diplograph query` neither
 * parses the 6 MB bundle again nor compiles again the functions the engine runs (a tenth of a second
 * and more at start-up).
 *
 * V8 takes a cache only for the same V8 version and flags (it says so: `cachedDataRejected`), and checks
 * the source by its length only, so the cache's file is named by the file's size and time of change, the
 * Node version, the architecture and the process's flags (`npm run build` also removes the caches of the
 * bundle it replaces); a missing or
 * rejected cache is written again by {@link CachedModule.keep} (after the first query, when the engine's
 * functions are compiled), atomically, and only then. A cache that cannot be written (a read-only
 * install) is not an error: the file loads as it would without it.
 *
 * @example
 * const m = loadCached('/path/dist/vendor/comunica.cjs');
 * const engine = new m.exports.QueryEngine();
 * await engine.queryBindings(...);
 * m.keep(); // writes the cache once, if it was missing or stale
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { writeFileAtomic } from '../io.js';

export interface CachedModule {
  exports: unknown;
  /** Whether the code cache was used. */
  cached: boolean;
  /** Writes the code cache when it was missing or rejected (once; errors ignored). */
  keep(): void;
}

/** The cache file of `file` for this Node version, architecture and set of flags. */
export function cacheFileOf(file: string): string {
  const { size, mtimeMs } = statSync(file);
  const flags = [size, mtimeMs, process.version, process.arch, ...process.execArgv, process.env.NODE_OPTIONS ?? ''].join('\n');
  return `${file}.${createHash('sha256').update(flags).digest('hex').slice(0, 16)}.v8cache`;
}

/** Loads `file` as a CommonJS module, with its code cache when one fits. */
export function loadCached(file: string): CachedModule {
  const cacheFile = cacheFileOf(file);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet
  }
  const script = new Script((Module as unknown as { wrap(source: string): string }).wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  let kept = cached;
  return {
    exports: module.exports,
    cached,
    keep() {
      if (kept) return;
      kept = true;
      try {
        writeFileAtomic(cacheFile, script.createCachedData());
      } catch {
        // A folder we cannot write to: the next process compiles the file again.
      }
    },
  };
}
