import loadHcl from './hcl-load.cjs';

/**
 * Terraform's HCL read by hcl2-parser (HashiCorp's own Go parser compiled to JavaScript),
 * as the JSON that `terraform show -json`-style tools use: blocks become arrays of objects,
 * expressions become `${…}` strings. It gives no positions, so callers find their lines in the
 * text; and no error detail, so a refusal is one problem at line 1.
 */
export interface HclFile {
  body?: Record<string, unknown>;
  problem?: string;
}

export function parseHcl(text: string): HclFile {
  try {
    const [body, error] = loadHcl().parseToObject(text) as [Record<string, unknown> | null, unknown];
    if (!body || error) return { problem: 'HCL could not be read (Terraform would refuse this file)' };
    return { body };
  } catch (e) {
    return { problem: `HCL could not be read: ${(e as Error).message}` };
  }
}

/** `${var.x}` and `${local.x}` (a whole value that is one reference), resolved from the given tables. */
export function resolveReference(value: unknown, vars: ReadonlyMap<string, unknown>, locals: ReadonlyMap<string, unknown>, depth = 0): unknown {
  if (typeof value !== 'string' || depth > 8) return value;
  const m = /^\$\{(var|local)\.([A-Za-z_][\w-]*)\}$/.exec(value.trim());
  if (!m) return value;
  const table = m[1] === 'var' ? vars : locals;
  return table.has(m[2]) ? resolveReference(table.get(m[2]), vars, locals, depth + 1) : value;
}

/** Every file's `variable "x" { default = … }` and `locals { x = … }` in one pair of tables. */
export function symbolTables(bodies: readonly Record<string, unknown>[]): { vars: Map<string, unknown>; locals: Map<string, unknown> } {
  const vars = new Map<string, unknown>();
  const locals = new Map<string, unknown>();
  for (const body of bodies) {
    const variables = body.variable;
    if (variables && typeof variables === 'object') {
      for (const [name, blocks] of Object.entries(variables as Record<string, unknown>)) {
        const block = Array.isArray(blocks) ? (blocks[0] as Record<string, unknown> | undefined) : undefined;
        if (block && 'default' in block) vars.set(name, block.default);
      }
    }
    for (const block of Array.isArray(body.locals) ? (body.locals as Record<string, unknown>[]) : []) {
      for (const [name, value] of Object.entries(block)) locals.set(name, value);
    }
  }
  return { vars, locals };
}
