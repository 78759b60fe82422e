import { z } from 'zod';
import { ConfigSchema } from './config.js';

/** JSON Schema for .moltguard.yml, generated from the zod schema (the single source of truth). */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://moltguard.invalid/schema/moltguard.schema.json',
    title: 'moltguard configuration (.moltguard.yml)',
  };
}
