// Tests are written in TypeScript and compiled by `npm run build` into dist/test.
module.exports = {
  spec: ['dist/test/**/*.test.js'],
  timeout: 60000,
  reporter: 'spec',
};
