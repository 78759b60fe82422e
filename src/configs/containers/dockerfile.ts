import type { Detection } from '../../model/finding.js';
import { baseName, type ConfigCheck, type ConfigContext } from '../rule.js';
import { parseError } from '../parse-error.js';
import { aboutSecret, isLiteralSecret } from '../shared/secret-values.js';
import { containerEnvSecret, containerRoot } from './rules.js';

/**
 * Dockerfiles as BuildKit reads them: one instruction per logical line, the escape character
 * (`\` unless a `# escape=` directive says otherwise) continuing a line, `#` comment lines
 * (also inside a continuation), `FROM … AS name` starting a stage, here-documents after RUN.
 */
export interface Instruction {
  /** Upper-cased: `FROM`, `USER`, `ENV`. */
  keyword: string;
  args: string;
  line: number;
  column: number;
  /** Column where `args` starts on `line`. */
  argsColumn: number;
  endLine: number;
}

export interface Stage {
  from: Instruction;
  image: string;
  name?: string;
  instructions: Instruction[];
}

const KNOWN = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

export function parseDockerfile(text: string): { instructions: Instruction[]; problems: Array<{ line: number; message: string }> } {
  const lines = text.split(/\r?\n/);
  const escape = /^#\s*escape\s*=\s*`/im.test(lines.slice(0, 5).join('\n')) ? '`' : '\\';
  const instructions: Instruction[] = [];
  const problems: Array<{ line: number; message: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)([A-Za-z]+)(\s+|$)(.*)$/s.exec(lines[i]);
    const trimmed = lines[i].trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (!m) {
      problems.push({ line: i + 1, message: 'not a Dockerfile instruction' });
      continue;
    }
    const keyword = m[2].toUpperCase();
    if (!KNOWN.has(keyword)) problems.push({ line: i + 1, message: `unknown instruction ${m[2]}` });
    let args = m[4];
    let end = i;
    while (args.trimEnd().endsWith(escape) && end + 1 < lines.length) {
      args = args.trimEnd().slice(0, -1);
      end++;
      while (end < lines.length && /^\s*#/.test(lines[end])) end++;
      if (end < lines.length) args += ` ${lines[end].trim()}`;
    }
    // A here-document runs to its terminator line.
    const heredoc = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(args);
    if (heredoc && (keyword === 'RUN' || keyword === 'COPY')) {
      while (end + 1 < lines.length && lines[end + 1].trim() !== heredoc[1]) end++;
      end = Math.min(end + 1, lines.length - 1);
    }
    instructions.push({ keyword, args: args.trim(), line: i + 1, column: m[1].length + 1, argsColumn: m[1].length + m[2].length + m[3].length + 1, endLine: end + 1 });
    i = end;
  }
  return { instructions, problems };
}

export function stagesOf(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const as = words.findIndex((w) => w.toLowerCase() === 'as');
      stages.push({ from: ins, image: words[0] ?? '', ...(as > 0 && words[as + 1] ? { name: words[as + 1].toLowerCase() } : {}), instructions: [] });
    } else stages.at(-1)?.instructions.push(ins);
  }
  return stages;
}

const ROOT_USER = /^(root|0)(:.*)?$/;
// Images built to run unprivileged by default.
const NON_ROOT_IMAGE = /nonroot|rootless|unprivileged/i;

export interface ImageUser {
  /** The USER instruction in effect, following `FROM <earlier stage>`; undefined when none. */
  user?: Instruction;
  root: boolean;
  stage: Stage;
}

/** Who the image built from `stage` (by default the last) runs as. */
export function imageUser(stages: Stage[], target?: string): ImageUser | undefined {
  let stage = target ? stages.find((s) => s.name === target.toLowerCase()) : stages.at(-1);
  const last = stage;
  if (!stage || !last) return undefined;
  for (let hops = 0; stage && hops < stages.length; hops++) {
    const user = stage.instructions.filter((i) => i.keyword === 'USER').pop();
    if (user) return { user, root: ROOT_USER.test(user.args.split(/\s+/)[0]), stage: last };
    const base = stage.image.toLowerCase();
    const parent: Stage | undefined = stages.find((s) => s.name === base && s !== stage);
    if (!parent) return { root: !NON_ROOT_IMAGE.test(stage.image), stage: last };
    stage = parent;
  }
  return { root: true, stage: last };
}

// `dockerfile.ts`, `Dockerfile.md`: code and docs about Dockerfiles, not Dockerfiles.
const NOT_A_DOCKERFILE = /\.(?:[cm]?[jt]sx?|go|py|rb|rs|java|kt|md|json|ya?ml|toml|txt|sh|html?|lock|snap)$/i;

export function isDockerfile(path: string): boolean {
  const name = baseName(path);
  if (NOT_A_DOCKERFILE.test(name)) return false;
  return /^(Dockerfile|Containerfile)([.-][\w.-]+)?$/i.test(name) || /\.(Dockerfile|Containerfile)$/i.test(name);
}

/**
 * A GitHub Docker container action's image (an `action.yml` beside it with `using: docker`):
 * GitHub runs it as root and documents that actions must not set USER, so root is required there.
 */
function isDockerActionImage(path: string, ctx: ConfigContext): boolean {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const action = ctx.read(`${dir}action.yml`) ?? ctx.read(`${dir}action.yaml`);
  return action !== undefined && /^[ \t]*using:[ \t]*['"]?docker['"]?[ \t]*$/m.test(action);
}

export const dockerfileCheck: ConfigCheck = {
  name: 'dockerfile',
  rules: [containerRoot, containerEnvSecret],
  applies: isDockerfile,
  check(path, text, ctx) {
    const { instructions, problems } = parseDockerfile(text);
    const out: Detection[] = problems.map((p) => parseError(path, p, p.message));
    const stages = stagesOf(instructions);
    const who = imageUser(stages);
    if (who?.root && !isDockerActionImage(path, ctx)) {
      if (who.user) {
        const earlier = instructions.filter((i) => i.keyword === 'USER' && !ROOT_USER.test(i.args.split(/\s+/)[0])).pop();
        out.push(
          containerRoot.at(
            { line: who.user.line, column: who.user.column, endColumn: who.user.argsColumn + who.user.args.length },
            {
              message: `The image's last USER is ${who.user.args}, so the container runs as root.`,
              key: `USER ${who.user.args}`,
              ...(earlier ? { fix: { line: who.user.line, replacement: `${' '.repeat(who.user.column - 1)}USER ${earlier.args}` } } : {}),
            },
          ),
        );
      } else {
        const from = who.stage.from;
        out.push(
          containerRoot.at(
            { line: from.line, column: from.column, endColumn: from.argsColumn + from.args.length },
            { message: `The final stage (FROM ${who.stage.image}) sets no USER, so the container runs as the base image's user: root.`, key: 'no USER' },
          ),
        );
      }
    }
    out.push(...envSecrets(instructions));
    return out;
  },
};

/** `ENV NAME=value …`, legacy `ENV NAME value` and `ARG NAME=default` with literal secrets. */
function envSecrets(instructions: Instruction[]): Detection[] {
  const out: Detection[] = [];
  for (const ins of instructions) {
    if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') continue;
    const legacy = ins.keyword === 'ENV' && /^[A-Za-z_][A-Za-z0-9_]*\s+[^=\s]/.test(ins.args) && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(ins.args);
    const pairs: Array<[string, string]> = legacy
      ? [[ins.args.split(/\s+/)[0], ins.args.replace(/^\S+\s+/, '')]]
      : [...ins.args.matchAll(/(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)].map((m) => [m[1], m[2].replace(/^(["'])(.*)\1$/, '$2')]);
    for (const [name, value] of pairs) {
      if (!isLiteralSecret(name, value)) continue;
      const at = ins.line === ins.endLine ? ins.argsColumn + Math.max(0, ins.args.indexOf(name)) : ins.column;
      out.push(
        aboutSecret(
          containerEnvSecret.at(
            { line: ins.line, column: at, endColumn: at + name.length },
            { message: `${ins.keyword} ${name} holds a literal value: it is committed here and stored in the image's layers and history.`, key: `${ins.keyword} ${name}` },
          ),
          value,
        ),
      );
    }
  }
  return out;
}
