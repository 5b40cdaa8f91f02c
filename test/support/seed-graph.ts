/** The graph of the seed articles in data/documents, built once for all tests that need it. */
import { join } from 'node:path';
import { Store } from 'n3';
import { buildGraph, type BuildResult } from '../../src/commands/build.js';
import { projectRoot } from '../../src/ontology-files.js';

let built: Promise<BuildResult> | undefined;
let store: Store | undefined;

export const SEED_DIR = join(projectRoot(), 'data', 'documents');

export function seedGraph(): Promise<BuildResult> {
  built ??= buildGraph(SEED_DIR);
  return built;
}

export async function seedStore(): Promise<Store> {
  store ??= new Store((await seedGraph()).quads);
  return store;
}
