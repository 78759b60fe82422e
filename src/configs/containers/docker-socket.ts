import { withDefaults } from '../openclaw/deploy-auth.js';

/**
 * The socket of a root Docker (or Podman) daemon, as a bind mount source names it. A rootless
 * daemon's socket lives under `/run/user/<uid>/` or `$XDG_RUNTIME_DIR` and reaches only that
 * user's daemon, so it is not root on the host and is left alone.
 */
export function isRootDaemonSocket(source: string): boolean {
  const path = withDefaults(source).trim();
  return /^\/{1,2}(?:var\/)?run\/(?:docker\.sock|podman\/podman\.sock)\/?$/.test(path);
}

/** What a socket finding says, shared so compose, Kubernetes and `docker run` word it alike. */
export function socketMessage(who: string, source: string, readOnly: boolean): string {
  return `${who} mounts the Docker daemon's socket ${source}${readOnly ? ' read-only, which does not help:' : ':'} it can run any container on the host, as root.`;
}
