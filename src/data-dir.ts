/**
 * Where the project's data is, so that every command works from any folder: the folder `--data DIR`
 * names; else the nearest `data/` folder holding `documents/` or `graph.trig`, looked for in the
 * current folder and each folder above it (a command run in a subfolder of the project finds the
 * project's data); else the `data/` folder of the diplograph installation itself. Options that name a
 * file or folder (`--in`, `--out`, `--graph`, ...) still win, relative to the current folder.
 *
 * Paths are shown relative to the current folder when inside it (`data/graph.trig` from the project
 * folder), else absolute.
 *
 * @example
 * const data = dataLayout(values.data as string | undefined);
 * loadStore((values.graph as string | undefined) ?? data.trig);
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { projectRoot } from './ontology-files.js';

/** The `--data DIR` option, for a command's parse() options. */
export const DATA_OPTION = { data: { type: 'string' } } as const;

/** The usage text of `--data`. */
export const DATA_USAGE = '[--data DIR]';

/** The files of a data folder. */
export interface DataLayout {
  dir: string;
  /** The articles: `DIR/documents`. */
  documents: string;
  ttl: string;
  trig: string;
  jsonld: string;
  /** The stored queries' answers: `DIR/answers`. */
  answers: string;
}

function isDataDir(dir: string): boolean {
  return existsSync(join(dir, 'documents')) || existsSync(join(dir, 'graph.trig'));
}

/** A path relative to `cwd` when it is inside it, else absolute. */
export function shown(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(path);
}

/** The data folder: `given` (from --data), else found as the module's comment says. */
export function findDataDir(given?: string, cwd = process.cwd()): string {
  if (given !== undefined && given !== '') return given;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (isDataDir(join(dir, 'data'))) return shown(join(dir, 'data'), cwd);
    if (dirname(dir) === dir) break;
  }
  return shown(join(projectRoot(), 'data'), cwd);
}

/** The files of the data folder (see findDataDir). */
export function dataLayout(given?: string, cwd = process.cwd()): DataLayout {
  const dir = findDataDir(given, cwd);
  return {
    dir,
    documents: join(dir, 'documents'),
    ttl: join(dir, 'graph.ttl'),
    trig: join(dir, 'graph.trig'),
    jsonld: join(dir, 'graph.jsonld'),
    answers: join(dir, 'answers'),
  };
}
