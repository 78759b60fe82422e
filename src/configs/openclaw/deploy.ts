import type { ConfigCheck } from '../rule.js';
import { isComposeFile } from '../containers/compose.js';
import { isDockerfile } from '../containers/dockerfile.js';
import { isCloudConfig } from '../cloud-init/check.js';
import { isShellScript } from '../shell/check.js';
import { checkComposeGateway } from './deploy-compose.js';
import { checkServiceGateway, checkUnitGateway } from './deploy-host.js';
import { checkCloudInitGateway, checkDockerfileGateway, checkScriptFileGateway, WATCHED_PORTS } from './deploy-scripts.js';
import { OPENCLAW_DEPLOY_RULES } from './deploy-rules.js';
import { remoteControlPublic } from '../firewall/model.js';

/**
 * The OpenClaw gateway in deploy files: compose, systemd units, host firewall commands (in
 * scripts, Dockerfile RUN and cloud-init runcmd; Ansible's are read by its own check) and
 * Kubernetes Services. Parse errors are the other checks' to report; this one only judges.
 */
export const openclawDeployCheck: ConfigCheck = {
  name: 'openclaw-deploy',
  rules: [...OPENCLAW_DEPLOY_RULES, remoteControlPublic],
  applies(path, text) {
    if (isComposeFile(path)) return true;
    if (/\.service$/i.test(path)) return /\bgateway\b/.test(text);
    if (isShellScript(path, text) || isDockerfile(path) || isCloudConfig(path, text)) return WATCHED_PORTS.test(text);
    return /\.ya?ml$/i.test(path) && /^kind:\s*Service\b/m.test(text) && /\b(?:18789|18790)\b/.test(text);
  },
  check(path, text, ctx) {
    if (isComposeFile(path)) return checkComposeGateway(path, text, ctx);
    if (/\.service$/i.test(path)) return checkUnitGateway(path, text, ctx);
    if (isShellScript(path, text)) return checkScriptFileGateway(path, text, ctx);
    if (isDockerfile(path)) return checkDockerfileGateway(text, ctx);
    if (isCloudConfig(path, text)) return checkCloudInitGateway(path, text, ctx);
    return checkServiceGateway(text, ctx);
  },
};
