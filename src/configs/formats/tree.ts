/**
 * A parsed document as a small tree in which every value and key knows the file and place it
 * came from. JSON5 (OpenClaw, MCP clients) and TOML (Codex) both read into it, so the checks
 * over a config do not care which syntax it was written in.
 */

export interface Place {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Member {
  key: string;
  keyAt: Place;
  value: Value;
}

export type Value =
  | { kind: 'object'; at: Place; members: Member[] }
  | { kind: 'array'; at: Place; items: Value[] }
  | { kind: 'string'; at: Place; value: string }
  | { kind: 'number'; at: Place; value: number }
  | { kind: 'boolean'; at: Place; value: boolean }
  | { kind: 'null'; at: Place };
