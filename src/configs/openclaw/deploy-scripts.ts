import type { Node } from 'yaml';
import type { Detection } from '../../model/finding.js';
import type { ConfigContext } from '../rule.js';
import { scriptOf } from '../shell/check.js';
import { lexShell, relocate, type Command, type Word } from '../shell/lex.js';
import { scriptOfCommands } from '../shell/script.js';
import { dockerfileRunScript } from '../embedded/bodies.js';
import { entry, parseYaml, seqItems, type YamlFile } from '../formats/yaml.js';
import { scalarBody } from '../formats/yaml-body.js';
import { checkScriptFirewallGateway } from './deploy-firewall.js';

/** Ports whose mention makes a script worth reading as firewall rules for the gateway check. */
export const WATCHED_PORTS = /\b(?:18789|18790|9222|5900|6080)\b/;

export function checkScriptFileGateway(path: string, text: string, ctx: ConfigContext): Detection[] {
  return checkScriptFirewallGateway(scriptOf(path, text), ctx);
}

/** A firewall opened during an image build is unusual, but it is the host's when the image is a VM's. */
export function checkDockerfileGateway(text: string, ctx: ConfigContext): Detection[] {
  return checkScriptFirewallGateway(dockerfileRunScript(text), ctx, text);
}

/**
 * cloud-init `runcmd`/`bootcmd`: a string entry runs in a shell, a list entry is an argv. Both are
 * read at the file's own offsets, so findings land on the port as written.
 */
export function checkCloudInitGateway(path: string, text: string, ctx: ConfigContext): Detection[] {
  const file = parseYaml(text, '1.1', { duplicateKeys: true });
  const commands: Command[] = [];
  for (const doc of file.docs) {
    for (const section of ['runcmd', 'bootcmd']) {
      for (const item of seqItems(entry(doc.contents, section)?.value)) commands.push(...itemCommands(file, item));
    }
  }
  return commands.length ? checkScriptFirewallGateway(scriptOfCommands(path, text, commands), ctx) : [];
}

function itemCommands(file: YamlFile, item: Node): Command[] {
  const body = scalarBody(file, item);
  if (body) return relocate(lexShell(body.text).commands, [...body.text].map((_, i) => body.fileOffset(i)));
  const words: Word[] = [];
  for (const w of seqItems(item)) {
    const b = scalarBody(file, w);
    if (!b) return [];
    const [start, end] = w.range ?? [0, 0];
    words.push({ value: b.text, offsets: [...b.text].map((_, i) => b.fileOffset(i)), start, end, quoted: true });
  }
  return words.length ? [{ words, redirects: [], joinedBy: 'start', stdin: [] }] : [];
}
