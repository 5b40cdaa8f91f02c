/**
 * The files of ontology/ (OWL, SKOS areas, SHACL shapes, JSON-LD context), read from the project
 * folder whether the code runs from src/ or from the compiled dist/src/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The project folder: the nearest folder above this module that holds package.json and ontology/. */
export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'ontology'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the diplograph project folder (package.json and ontology/)');
    dir = up;
  }
}

export type OntologyFile = 'diplograph.ttl' | 'areas.ttl' | 'shapes.ttl' | 'context.jsonld' | 'frame-meetings.jsonld' | 'example.trig';

const cache = new Map<string, string>();

/**
 * The text of one file of ontology/, read once and cached.
 *
 * @example
 * const areas = new Parser().parse(loadOntologyFile('areas.ttl'));
 */
export function loadOntologyFile(name: OntologyFile): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(projectRoot(), 'ontology', name), 'utf8');
    cache.set(name, text);
  }
  return text;
}
