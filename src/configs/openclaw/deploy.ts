import type { ConfigCheck } from '../rule.js';
import { isComposeFile } from '../containers/compose.js';
import { isShellScript } from '../shell/check.js';
import { checkComposeGateway } from './deploy-compose.js';
import { checkFirewallGateway, checkServiceGateway, checkUnitGateway } from './deploy-host.js';
import { OPENCLAW_DEPLOY_RULES } from './deploy-rules.js';

/**
 * The OpenClaw gateway in deploy files: compose, systemd units, ufw/iptables in scripts and
 * Kubernetes Services. Parse errors are the other checks' to report; this one only judges.
 */
export const openclawDeployCheck: ConfigCheck = {
  name: 'openclaw-deploy',
  rules: OPENCLAW_DEPLOY_RULES,
  applies(path, text) {
    if (isComposeFile(path)) return true;
    if (/\.service$/i.test(path)) return /\bgateway\b/.test(text);
    if (isShellScript(path, text)) return /\b(?:18789|18790)\b/.test(text);
    return /\.ya?ml$/i.test(path) && /^kind:\s*Service\b/m.test(text) && /\b(?:18789|18790)\b/.test(text);
  },
  check(path, text, ctx) {
    if (isComposeFile(path)) return checkComposeGateway(path, text, ctx);
    if (/\.service$/i.test(path)) return checkUnitGateway(path, text, ctx);
    if (/\.ya?ml$/i.test(path)) return checkServiceGateway(text, ctx);
    return checkFirewallGateway(path, text, ctx);
  },
};
