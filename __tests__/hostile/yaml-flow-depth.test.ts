import { blankBombs, flowBombs, MAX_FLOW_DEPTH } from '../../src/configs/formats/yaml-flow-depth.js';
import { parseYaml } from '../../src/configs/formats/yaml.js';

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

test('collections within the depth the yaml library reads are left alone', () => {
  expect(flowBombs(`a: ${deep(MAX_FLOW_DEPTH)}\nb: {x: [1, 2]}\n`)).toEqual([]);
  // Brackets inside scalars, quotes and comments are not collections.
  const noise = '['.repeat(MAX_FLOW_DEPTH + 5);
  expect(flowBombs(`a: x${noise}\nb: "${noise}"\nc: [ '${noise}' ]\n# ${noise}\n`)).toEqual([]);
});

test('a collection nested too deep is found, and blanking it keeps every line and column', () => {
  const text = `services:\n  app:\n    x: ${deep(MAX_FLOW_DEPTH + 1)}\n    privileged: true\n`;
  const bombs = flowBombs(text);
  expect(bombs).toEqual([{ start: text.indexOf('['), end: text.lastIndexOf(']') + 1 }]);
  const blank = blankBombs(text, bombs);
  expect(blank.length).toBe(text.length);
  expect(blank.split('\n').length).toBe(text.split('\n').length);
  expect(blank).toContain('    privileged: true');
});

test('an unclosed deep collection ends at the next line that is not deeper than its own', () => {
  const text = `services:\n  app:\n    x: ${'['.repeat(5000)}\n    privileged: true\n`;
  const file = parseYaml(text, '1.2');
  expect(file.problems).toEqual([expect.objectContaining({ line: 3, column: 8, exhausted: true })]);
  const docs = [...file.docs, ...file.partial];
  expect(docs.some((d) => d.getIn(['services', 'app', 'privileged']) === true)).toBe(true);
});

test('a document that is one deep collection (JSON read as YAML) is found across lines', () => {
  const text = `${'[\n'.repeat(2000)}1\n`;
  expect(flowBombs(text)).toEqual([{ start: 0, end: text.length }]);
  expect(parseYaml(text, '1.2').problems[0]).toMatchObject({ line: 1, column: 1, exhausted: true });
});

test('a collection 400,000 deep is blanked whole, so the parser never recurses into it', () => {
  const text = `x: ${'['.repeat(400_000)}\n`;
  const bombs = flowBombs(text);
  expect(bombs).toHaveLength(1);
  expect(blankBombs(text, bombs).trim()).toBe('x:');
});

test('a quote inside a plain scalar does not hide the brackets after it', () => {
  // Taken for an opening quote, the apostrophe of `it's` would skip to the next `'` and miss the bomb.
  const text = `x: [it's, ${deep(MAX_FLOW_DEPTH + 1)}, 'end']\n`;
  expect(flowBombs(text)).toEqual([{ start: text.indexOf('['), end: text.lastIndexOf(']') + 1 }]);
  // `''` inside a single-quoted scalar is a quote, not its end: brackets after it stay quoted.
  const quoted = `x: [ 'a''${'['.repeat(MAX_FLOW_DEPTH + 5)}' ]\n`;
  expect(flowBombs(quoted)).toEqual([]);
});
