import { configRule } from '../rule.js';

export const gatewayPublished = configRule({
  id: 'openclaw-gateway-published',
  title: 'OpenClaw gateway port reachable from other hosts',
  severity: 'critical',
  why: "The gateway (18789, bridge 18790) and the sandbox browser (CDP 9222, VNC 5900, noVNC 6080) hand whoever reaches them the agent's shell, files and channels; Docker-published ports bypass ufw.",
  fix: 'Publish on loopback only ("127.0.0.1:18789:18789") and reach it through SSH, Tailscale serve or a reverse proxy with auth; keep the gateway token in the environment.',
});

export const gatewayBind = configRule({
  id: 'openclaw-gateway-bind',
  title: 'OpenClaw gateway bound off loopback on the host',
  severity: 'critical',
  why: '--bind lan (0.0.0.0), tailnet, custom or auto listens beyond loopback: on a VM that is every interface the VM has, public ones included.',
  fix: 'Drop --bind (loopback is the default) and reach the gateway through SSH or Tailscale serve; if it must listen on the LAN, set a token and a firewall rule for known sources.',
});

export const dockerSocket = configRule({
  id: 'openclaw-docker-socket',
  title: 'Docker socket mounted into the OpenClaw gateway',
  severity: 'critical',
  why: 'docker.sock is root on the host: an agent that can be prompted into a shell command can start a privileged container and own the VM.',
  fix: 'Remove the docker.sock mount; run the sandbox through a socket proxy that allows only the calls it needs, or without Docker sandboxing.',
});

export const OPENCLAW_DEPLOY_RULES = [gatewayPublished, gatewayBind, dockerSocket] as const;
