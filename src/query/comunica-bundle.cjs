// The entry of the engine bundle that `npm run build` writes to dist/vendor/comunica.cjs (esbuild):
// Comunica's SPARQL engine and all it needs in one file, which Node loads in about 60% of the time it
// takes to resolve and read the ~600 modules one by one (src/query/engine.ts).
module.exports = require('@comunica/query-sparql');
