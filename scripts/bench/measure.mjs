// Runs the bundled CLI in this process and reports its peak RSS on exit, so the benchmark
// needs no /usr/bin/time. Usage: node measure.mjs <cli args…>
import { fileURLToPath } from 'node:url';
import { writeSync } from 'node:fs';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
process.argv = [process.argv[0], cli, ...process.argv.slice(2)];
process.on('exit', () => {
  writeSync(2, `\n@@bench ${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })}\n`);
});
await import(cli);
