import { baseName, type ConfigCheck, type ConfigRule } from './rule.js';
import { sshdCheck } from './sshd/check.js';
import { systemdCheck } from './systemd/check.js';
import { dotenvCheck } from './dotenv/check.js';
import { dbUrlCheck } from './dburl/check.js';
import { composeCheck } from './containers/compose.js';
import { kubernetesCheck } from './containers/kubernetes.js';
import { dockerfileCheck } from './containers/dockerfile.js';
import { dockerRunCheck } from './containers/docker-run.js';
import { cloudInitCheck } from './cloud-init/check.js';
import { shellCheck } from './shell/check.js';
import { sudoersCheck } from './sudoers/check.js';
import { firewallCheck } from './firewall/check.js';
import { sshKeysCheck } from './ssh-keys/check.js';
import { privateKeysCheck } from './keys/private-keys.js';
import { keystoreCheck } from './keys/keystore.js';
import { fail2banCheck } from './fail2ban/check.js';
import { aptCheck } from './apt/check.js';
import { parseErrorRule } from './parse-error.js';
import { openclawConfigCheck } from './openclaw/check.js';
import { mcpConfigCheck } from './mcp/check.js';
import { openclawDeployCheck } from './openclaw/deploy.js';
import { embeddedFilesCheck } from './embedded/check.js';
import { terraformCheck } from './terraform/check.js';
import { cloudFormationCheck } from './firewall/cloudformation.js';
import { ansibleCheck } from './ansible/check.js';
import { vagrantCheck } from './vagrant/check.js';

/** Every config check, in the order their findings are reported for one file. */
export const CONFIG_CHECKS: readonly ConfigCheck[] = [sshdCheck, systemdCheck, dotenvCheck, dbUrlCheck, composeCheck, kubernetesCheck, dockerfileCheck, dockerRunCheck, cloudInitCheck, shellCheck, sudoersCheck, firewallCheck, sshKeysCheck, privateKeysCheck, keystoreCheck, fail2banCheck, aptCheck, terraformCheck, cloudFormationCheck, ansibleCheck, vagrantCheck(() => CONFIG_CHECKS), openclawConfigCheck, mcpConfigCheck, openclawDeployCheck, embeddedFilesCheck(() => CONFIG_CHECKS)];

export function configRules(): ConfigRule[] {
  return [parseErrorRule, ...new Set(CONFIG_CHECKS.flatMap((c) => c.rules))];
}

/** Whether a binary file is one some check judges by its name (sources keep it, with empty text). */
export function keepsBinary(checks: readonly ConfigCheck[]): (path: string) => boolean {
  const names = checks.flatMap((c) => (c.binaryNames ? [c.binaryNames] : []));
  return (path) => names.some((re) => re.test(baseName(path)));
}
