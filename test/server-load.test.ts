/**
 * The server holds a short load without an error and without its memory running away: concurrent
 * clients on every stored query and the UI's pages (bench/load.ts, the same run as
 * `npm run bench:load`, bounded here to a few seconds).
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { requestMix, runLoad } from '../bench/load.js';
import { projectRoot } from '../src/ontology-files.js';

describe('the server under load', function () {
  this.timeout(120000);

  it('answers every request of a concurrent mix, with bounded memory', async () => {
    const r = await runLoad({ seconds: 4, concurrency: 6, graph: join(projectRoot(), 'data', 'graph.trig') });
    // every path of the mix is asked once before the timed run, which counts its errors too
    assert.equal(r.errors, 0, r.errorSamples.join('; '));
    assert.equal(r.paths, requestMix().length);
    assert.ok(r.requests > 0, `${r.requests} requests`);
    assert.ok(r.latencyMs.p99 > 0 && r.latencyMs.p50 <= r.latencyMs.p99);
    // two query workers with their own stores, the main thread's store and the pages' indexes
    assert.ok(r.serverRssMb.peak < 1500, `peak RSS ${r.serverRssMb.peak} MB`);
    assert.ok(r.serverRssMb.after - r.serverRssMb.before < 300, `RSS grew from ${r.serverRssMb.before} to ${r.serverRssMb.after} MB`);
  });
});
