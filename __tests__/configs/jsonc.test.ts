import { blankJsoncExtras, isArmTemplate } from '../../src/configs/formats/jsonc.js';

describe('ARM template JSON (comments and trailing commas)', () => {
  test('blanks comments and trailing commas in place, leaving strings alone', () => {
    const text = '{\n  // note\n  "a": "x//y", /* c */ "b": [1, 2,],\n}';
    const out = blankJsoncExtras(text);
    expect(out).toHaveLength(text.length);
    expect(JSON.parse(out)).toEqual({ a: 'x//y', b: [1, 2] });
    expect(out.split('\n')).toHaveLength(text.split('\n').length);
  });

  test('an escaped quote does not end a string', () => {
    expect(JSON.parse(blankJsoncExtras('{"a": "say \\"//hi\\"",}'))).toEqual({ a: 'say "//hi"' });
  });

  test('knows a template by its schema or its name', () => {
    expect(isArmTemplate('x.json', '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"}')).toBe(true);
    expect(isArmTemplate('infra/azuredeploy.json', '{}')).toBe(true);
    expect(isArmTemplate('rules.json', '{}')).toBe(false);
  });
});
