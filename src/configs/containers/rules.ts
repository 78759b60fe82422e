import { configRule } from '../rule.js';

/** Rules shared by compose files, Kubernetes manifests, Dockerfiles and `docker run` lines. */

export const dbPortPublished = configRule({
  id: 'container-db-port-published',
  title: 'Database port published on all interfaces',
  severity: 'high',
  why: "Docker writes its own iptables rules ahead of ufw's, so a port published on all interfaces is open to the internet even when ufw denies it; the guide never exposes 5432, 6379 or 27017.",
  fix: 'Publish on loopback only (`127.0.0.1:5432:5432`), or drop `ports:` and reach the database over the compose network or the private network.',
});

export const containerRoot = configRule({
  id: 'container-root',
  title: 'Container runs as root',
  severity: 'medium',
  why: 'Root in a container is root on the host once any escape or writable host mount is found; the guide runs the agent as a dedicated non-root user.',
  fix: 'Create a user in the image (`RUN useradd --system --uid 10001 agent`) and add `USER agent`; in compose set `user: "10001:10001"`, in Kubernetes `runAsNonRoot: true` with a non-zero `runAsUser`.',
});

export const containerPrivileged = configRule({
  id: 'container-privileged',
  title: 'Privileged container',
  severity: 'medium',
  why: 'A privileged container has every capability and all host devices: it is root on the VM in all but name.',
  fix: 'Remove `privileged: true`; grant the single capability the service needs with `cap_add` / `capabilities.add` instead.',
});

export const containerEnvSecret = configRule({
  id: 'container-environment-secret',
  title: 'Secret written into a container definition',
  severity: 'high',
  why: 'Values in compose `environment:`, Kubernetes `env:` or a Dockerfile `ENV` are committed with the file (and baked into image layers); the guide keeps secrets only in a mode-600 env file or a secret store.',
  fix: 'Reference the secret instead: compose `env_file:` pointing at an uncommitted file or `${VAR}`, Kubernetes `valueFrom.secretKeyRef`, and never `ENV` for secrets; then rotate the value.',
});

export const dockerSocketMounted = configRule({
  id: 'container-docker-socket',
  title: 'Docker socket mounted into a container',
  severity: 'high',
  why: "Whoever can write to the Docker API can start a privileged container with the host's / mounted, so the socket is root on the host; mounting it read-only (`:ro`, `readOnly: true`) changes nothing, since the mode covers the socket file, not the API calls sent through it.",
  fix: 'Drop the mount, or put a socket proxy in front of it that allows only the read-only API calls the service needs (for example tecnativa/docker-socket-proxy with `CONTAINERS=1` and `POST=0`), or run rootless Docker so the daemon the socket reaches is not root.',
});

export const dbHostNetwork = configRule({
  id: 'container-db-host-network',
  title: 'Database container on the host network',
  severity: 'medium',
  why: "With the host's network the database's official image listens on every interface of the host, not on a private bridge: only the host firewall stands between it and the internet, and the guide never exposes 5432, 6379 or 27017.",
  fix: 'Drop `network_mode: host` / `hostNetwork: true` and publish on loopback (`127.0.0.1:5432:5432`) or reach the database over the compose network; if the host network is needed, make the database listen on 127.0.0.1 or the private address only.',
});

export const dbServiceExposed = configRule({
  id: 'container-db-service-exposed',
  title: 'Database exposed outside the cluster by a Service',
  severity: 'high',
  why: 'A LoadBalancer Service gets an address outside the cluster (public on most clouds) and a NodePort opens the port on every node; the guide keeps database ports on the private network only.',
  fix: 'Keep the database Service `ClusterIP` (the default); if clients outside the cluster need it, use the provider\'s internal load balancer annotation or set `loadBalancerSourceRanges` to the private network\'s range (`10.0.0.0/8`).',
});
