#!/usr/bin/env node
import { main } from './cli.js';

// Entry of dist/cli.js: the only place that touches process for the CLI.
main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY && !process.env.NO_COLOR,
  today: new Date().toISOString().slice(0, 10),
}).then((code) => {
  process.exitCode = code;
});
