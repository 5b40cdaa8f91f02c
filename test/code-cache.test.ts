/**
 * V8's code cache of a CommonJS file (src/query/code-cache.ts, for the engine bundle): written once after
 * a first load, used by the next, never used for another version of the file, and a cache that cannot
 * be written is no error.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFileOf, loadCached } from '../src/query/code-cache.js';

describe('the code cache of the engine bundle', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'diplograph-code-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is written after a first load, then used; the module answers the same either way', () => {
    const file = join(dir, 'm.cjs');
    writeFileSync(file, 'const path = require("node:path"); exports.twice = (x) => 2 * x; exports.base = path.basename(__filename); exports.self = module.exports === exports;');
    const first = loadCached(file);
    assert.equal(first.cached, false);
    assert.deepEqual([(first.exports as { twice(x: number): number }).twice(21), (first.exports as { base: string }).base, (first.exports as { self: boolean }).self], [42, 'm.cjs', true]);
    first.keep();
    assert.ok(existsSync(cacheFileOf(file)));
    const second = loadCached(file);
    assert.equal(second.cached, true);
    assert.equal((second.exports as { twice(x: number): number }).twice(4), 8);
  });

  it('belongs to one version of the file: a file rewritten (even of the same length) gets a cache of its own', () => {
    const file = join(dir, 'm.cjs');
    writeFileSync(file, 'exports.v = 1;');
    loadCached(file).keep();
    const before = cacheFileOf(file);
    writeFileSync(file, 'exports.v = 2;');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.notEqual(cacheFileOf(file), before);
    const again = loadCached(file);
    assert.equal(again.cached, false);
    assert.equal((again.exports as { v: number }).v, 2);
  });

  it('loads without a cache when the cache cannot be written', () => {
    const file = join(dir, 'm.cjs');
    writeFileSync(file, 'exports.v = 3;');
    mkdirSync(cacheFileOf(file)); // a folder where the cache file would go: the write fails, even as root
    const m = loadCached(file);
    m.keep();
    assert.equal((m.exports as { v: number }).v, 3);
    assert.equal(loadCached(file).cached, false);
  });
});
