import type { Detection } from '../../model/finding.js';
import { LineIndex } from '../../model/line-index.js';
import { baseName, type ConfigCheck, type ConfigContext } from '../rule.js';
import { configDetections } from '../reading.js';
import { maskTemplate } from '../formats/template.js';
import { isShellScript, scriptOf } from '../shell/check.js';
import { isDockerfile } from '../containers/dockerfile.js';
import { isAnsibleYaml } from '../ansible/check.js';
import { collectShellTasks } from '../ansible/shell-tasks.js';
import { scriptOfCommands } from '../shell/script.js';
import { ansibleBodies, cloudInitBodies, dockerfileBodies, scriptBodies, yamlOf, type EmbeddedBody } from './bodies.js';

function isCloudConfig(path: string, text: string): boolean {
  return text.startsWith('#cloud-config') || /^(cloud-init|cloud-config)[\w.-]*\.ya?ml$/i.test(baseName(path)) || /^user-data([.-][\w.-]*)?$/i.test(baseName(path));
}

const KNOWN_PATH = /sshd_config|systemd\/|fail2ban|apt\.conf\.d|sudoers|\.env\b/;

/**
 * Files written whole by a script, a Dockerfile's RUN, cloud-init's write_files or an Ansible
 * copy task, judged by the check of the path they are written to, at their own lines: a unit
 * installed by `cat > /etc/systemd/system/agent.service <<EOF` is a unit like a committed one.
 */
export function embeddedFilesCheck(checks: () => readonly ConfigCheck[]): ConfigCheck {
  return {
    name: 'embedded-files',
    rules: [],
    applies(path, text) {
      if (!KNOWN_PATH.test(text)) return false;
      return isShellScript(path, text) || isDockerfile(path) || isAnsibleYaml(path, text) || isCloudConfig(path, text);
    },
    check(path, text, ctx) {
      // The script checks read sudoers writes themselves, `echo -e` line breaks included (shell/privileges.ts).
      const notSudoers = (target: string) => /(^|\/)sudoers(\.d\/[^/]+)?$/.test(target);
      let uncertain: ReadonlySet<number> = new Set();
      let bodies: EmbeddedBody[];
      if (isShellScript(path, text)) bodies = scriptBodies(scriptOf(path, text), notSudoers);
      else if (isDockerfile(path)) bodies = dockerfileBodies(text);
      else if (isCloudConfig(path, text)) bodies = cloudInitBodies(yamlOf(text));
      else {
        const file = yamlOf(text);
        const tasks = collectShellTasks(file);
        uncertain = tasks.uncertain;
        bodies = [...ansibleBodies(file), ...scriptBodies(scriptOfCommands(path, text, tasks.commands), notSudoers)];
      }
      const lines = new LineIndex(text);
      const others = checks().filter((c) => c.name !== 'embedded-files');
      return bodies.flatMap((body) => judge(body, path, lines, others, ctx)).filter((d) => !uncertain.has(d.line));
    },
  };
}

function judge(body: EmbeddedBody, carrier: string, lines: LineIndex, checks: readonly ConfigCheck[], ctx: ConfigContext): Detection[] {
  // An Ansible body may hold Jinja; judge what it certainly renders, as for a template file.
  const templated = /\{\{|\{%/.test(body.text) ? maskTemplate(body.target, body.text, 'jinja') : undefined;
  const text = templated?.text ?? body.text;
  const inBody = new LineIndex(text);
  const toFile = (line: number, column: number) => lines.position(body.fileOffset(inBody.offset(line, column)));
  return configDetections(checks, body.target, text, ctx)
    .filter((d) => !templated?.uncertain.has(d.line))
    .map((d) => {
      const start = toFile(d.line, d.column);
      const end = toFile(d.endLine, Math.max(d.column, d.endColumn));
      const bodyLine = inBody.lineText(d.fix?.line ?? 0);
      const fileLine = lines.lineText(start.line);
      // A fix replaces a body line; it applies to the carrier's line only when that line is the body line (indented).
      const prefix = fileLine.endsWith(bodyLine) ? fileLine.slice(0, fileLine.length - bodyLine.length) : undefined;
      const fix = d.fix && d.fix.line === d.line && prefix !== undefined && /^\s*$/.test(prefix) ? { line: start.line, replacement: prefix + d.fix.replacement } : undefined;
      const { fix: _dropped, ...rest } = d;
      return {
        ...rest,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.line === start.line ? Math.max(end.column, start.column) : end.column,
        message: `${body.how} writes ${body.target}: ${d.message}`,
        fingerprintKey: `${body.target} ${d.fingerprintKey ?? d.ruleId}`,
        ...(d.related ? { related: d.related.map((r) => (r.path === body.target ? { ...r, path: carrier, ...toFile(r.line, r.column), endLine: toFile(r.endLine, r.endColumn).line, endColumn: toFile(r.endLine, r.endColumn).column } : r)) } : {}),
        ...(fix ? { fix } : {}),
      };
    });
}
