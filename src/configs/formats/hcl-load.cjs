// hcl2-parser is HashiCorp's parser compiled to 4 MB of JavaScript that takes ~0.15 s to
// initialise: required here, inside a function, so esbuild's bundle and Node load it only
// when a Terraform file is read, not on every run.
let parser;
module.exports = function loadHcl() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy load is the point
  if (!parser) parser = require('hcl2-parser');
  return parser;
};
