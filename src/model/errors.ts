/**
 * A problem the user can fix (bad flag, missing path, unknown ref, invalid config). The
 * edges print its message as one line and exit 2; anything else is a bug.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
