import type { Detection } from '../model/finding.js';
import { configRule } from './rule.js';

/** Shared by every parser: a file the program would reject, or that moltguard could not read as it does. */
export const parseErrorRule = configRule({
  id: 'config-parse-error',
  title: 'Deploy config could not be parsed',
  severity: 'medium',
  why: 'The program that reads this file may refuse it or read it differently, and moltguard could not check it.',
  fix: 'Fix the syntax error at this line; the rest of the file was checked as far as it could be read.',
});

/**
 * One parser problem as a finding, `path: message.` at its place. `kind` (`apt`, `ini`, `json`)
 * keeps fingerprints of different parsers' problems apart where their messages could match.
 */
export function parseError(path: string, at: { line: number; column?: number }, message: string, kind?: string): Detection {
  return parseErrorRule.at({ line: at.line, column: at.column ?? 1 }, { message: `${path}: ${message}.`, key: kind ? `${kind} ${message}` : message });
}

/**
 * A file built to exhaust the parser (nesting 100,000 deep) is not a config anyone deploys by
 * mistake, and moltguard could not check all of it: high, so it fails the gate at the default
 * fail-on. A plain syntax error stays medium: the program refuses the file too, and the checks
 * still ran on what could be read.
 */
export function unreadableError(path: string, at: { line: number; column?: number }, message: string, kind?: string): Detection {
  const d = parseError(path, at, `${message} (moltguard could not read all of this file: too deeply nested)`, kind);
  return { ...d, severity: 'high' };
}

/** One YAML parser problem as a finding, at the severity its kind calls for. */
export function yamlProblem(path: string, p: { line: number; column: number; message: string; exhausted?: boolean }): Detection {
  return p.exhausted ? unreadableError(path, p, p.message) : parseError(path, p, p.message);
}
