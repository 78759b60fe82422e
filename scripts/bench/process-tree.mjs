// Runs a command and samples the resident memory of it and every process it starts, from
// /proc, every 50 ms. A history scan's git processes can hold more than the scan itself (on
// ansible/ansible `git log --raw` peaked at 508 MiB against the scan's 172), and measuring
// only the node process would hide them. Linux only; elsewhere the peaks are left undefined.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

function children(pid) {
  const out = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const c of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) out.push(Number(c), ...children(Number(c)));
    }
  } catch {
    // the process is gone
  }
  return out;
}

function sample(pid) {
  const procs = [];
  for (const p of [pid, ...children(pid)]) {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const argv = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      let i = 1;
      while (argv[i] === '-c') i += 2;
      const name = argv[0].endsWith('git') ? `git ${argv[i] ?? ''}` : argv[0].split('/').pop();
      procs.push({ name, kib });
    } catch {
      // the process is gone
    }
  }
  return procs;
}

/** { ms, status, stdout, stderr, peaks: { [process name]: MiB }, sumMiB: peak of the tree's total } */
export function runSampled(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (d) => stdout.push(d));
    child.stderr.on('data', (d) => stderr.push(d));
    const peaks = {};
    let sum = 0;
    const timer = setInterval(() => {
      let total = 0;
      for (const { name, kib } of sample(child.pid)) {
        peaks[name] = Math.max(peaks[name] ?? 0, kib / 1024);
        total += kib / 1024;
      }
      sum = Math.max(sum, total);
    }, 50);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      resolve({ ms, status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), peaks, sumMiB: sum || undefined });
    });
  });
}
