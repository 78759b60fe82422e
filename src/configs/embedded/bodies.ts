import { readScript, type ShellScript } from '../shell/script.js';
import { parseDockerfile } from '../containers/dockerfile.js';
import { entry, isTruthy, parseYaml, scalarText, seqItems, type YamlFile } from '../formats/yaml.js';
import { scalarBody } from '../formats/yaml-body.js';
import { isEmbeddedTarget } from './targets.js';
import { visitTasks } from '../ansible/tasks.js';

/** A whole file a script or a task writes to a known path, with its characters mapped to the carrier. */
export interface EmbeddedBody {
  target: string;
  text: string;
  /** What writes it, for messages: `cat here-document`, `write_files`, `copy task`. */
  how: string;
  fileOffset(offset: number): number;
}

/** `cat > f <<EOF`, `echo … > f`, `… | tee f`: writes that replace the file (appends are edits). */
export function scriptBodies(script: ShellScript, skip: (target: string) => boolean = () => false): EmbeddedBody[] {
  const out: EmbeddedBody[] = [];
  for (const w of script.writes) {
    if (w.append || !isEmbeddedTarget(w.target.value) || skip(w.target.value)) continue;
    const offsets = w.content.offsets;
    const how = w.by.command.stdin.includes(w.content) ? `${w.by.name} here-document` : w.by.name;
    out.push({
      target: w.target.value,
      text: w.content.value,
      how,
      fileOffset: (i) => (i < offsets.length ? offsets[i] : (offsets.at(-1) ?? 0) + 1),
    });
  }
  return out;
}

/**
 * A Dockerfile's RUN instructions as one shell script at their own offsets (the rest blanked),
 * so a unit or an sshd_config written during the build is read like one a script writes.
 */
export function dockerfileBodies(text: string): EmbeddedBody[] {
  return scriptBodies(dockerfileRunScript(text));
}

/** The shell form of every RUN, as one script over the Dockerfile's own lines and columns. */
export function dockerfileRunScript(text: string): ShellScript {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const view = text.replace(/[^\n]/g, ' ').split('');
  for (const ins of parseDockerfile(text).instructions) {
    if (ins.keyword !== 'RUN' || ins.args.startsWith('[')) continue;
    const from = starts[ins.line - 1] + ins.argsColumn - 1;
    const to = starts[ins.endLine] ?? text.length;
    let continued = false;
    for (let line = ins.line; line <= ins.endLine; line++) {
      const a = line === ins.line ? from : starts[line - 1];
      const b = Math.min(to, starts[line] ?? text.length);
      const raw = text.slice(a, b);
      // BuildKit drops comment lines inside a continuation; the shell would end the command there.
      if (continued && /^\s*#/.test(raw)) continue;
      for (let i = a; i < b; i++) view[i] = text[i];
      continued = /\\\r?\n?$/.test(raw);
    }
  }
  return readScript('Dockerfile', view.join(''));
}

/** cloud-init `write_files` entries in plain text (not base64 or gzip), not appended. */
export function cloudInitBodies(file: YamlFile): EmbeddedBody[] {
  const out: EmbeddedBody[] = [];
  for (const doc of file.docs) {
    for (const item of seqItems(entry(doc.contents, 'write_files')?.value)) {
      const target = scalarText(entry(item, 'path')?.value) ?? '';
      const content = entry(item, 'content')?.value;
      if (!isEmbeddedTarget(target) || !content || entry(item, 'encoding') || isTruthy(entry(item, 'append')?.value)) continue;
      const body = scalarBody(file, content);
      if (body) out.push({ target, how: 'write_files', ...body });
    }
  }
  return out;
}

/** Ansible `copy:` tasks with `content:` and a known `dest:`, anywhere in a playbook or task list. */
export function ansibleBodies(file: YamlFile): EmbeddedBody[] {
  const out: EmbeddedBody[] = [];
  visitTasks(file, (name, e) => {
    if (name !== 'copy') return;
    const target = scalarText(entry(e.value, 'dest')?.value) ?? '';
    const content = entry(e.value, 'content')?.value;
    const body = content && isEmbeddedTarget(target) ? scalarBody(file, content) : undefined;
    if (body) out.push({ target, how: 'copy task', ...body });
  });
  return out;
}

export function yamlOf(text: string): YamlFile {
  return parseYaml(text, '1.1', { duplicateKeys: true });
}
