/**
 * `moltguard … | head` closes the pipe before the report is written out. Node reports that as
 * an 'error' event (EPIPE) on stdout, and with no listener it dies with a stack trace. A reader
 * that has seen enough is not an error: stop writing and end with the exit code already set.
 * Any other write failure (a full disk behind a redirect) is one line on stderr and exit 2.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream, stderr: (s: string) => void): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    stream.destroy();
    if (e.code === 'EPIPE') return;
    stderr(`moltguard: cannot write the report to stdout (${e.code ?? e.message})\n`);
    process.exitCode = 2;
  });
}
