/**
 * How Node runs diplograph's query engine: the flags of `bin/diplograph.js` (its first line), of
 * `npm start`, and of the worker processes that answer queries for `serve` (query-pool.ts).
 *
 * Comunica makes several short-lived objects for every solution it joins, filters or groups (bindings,
 * iterators, expression terms). With V8's default young generation (16 MB semi-spaces) many of them
 * survive one scavenge and are promoted, and a third of a query's time went to garbage collection
 * (bench/results/profile.md). A 64 MB semi-space cut the stored queries at 1M quads by 20 to 30%
 * (areas-per-partner 6.3 s -> 5.3 s, co-chairs 1.9 s -> 1.3 s, actors-by-meetings 1.2 s -> 0.8 s), at
 * a cost of up to 3 x 64 MB of memory while a query runs; small graphs never grow it that far.
 */

/** The Node flags that `bin/diplograph.js` runs with (its `#!/usr/bin/env -S node ...` line). */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
