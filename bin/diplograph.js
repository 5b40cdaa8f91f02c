#!/usr/bin/env -S node --max-semi-space-size=64
// The diplograph command. The TypeScript sources are compiled into dist/ by `npm run build`.
// The flag on the first line (src/node-flags.ts says why) gives V8 a larger young generation: query
// evaluation makes many short-lived objects, and it cut the time of the stored queries at 1M quads by
// about a quarter. `node bin/diplograph.js` runs without it; `node --max-semi-space-size=64 bin/diplograph.js` with it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('diplograph: not built yet: run `npm run build` (or `npm start`) in the project folder first.\n');
  process.exit(2);
}
// A reader that closes the pipe early (`diplograph query ... | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
