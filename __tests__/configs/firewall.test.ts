import { member, readJson } from '../../src/configs/formats/json-pos.js';
import { firewallCheck } from '../../src/configs/firewall/check.js';

const ctx = { read: () => undefined, paths: () => [] };

describe('position-keeping JSON reader', () => {
  test('keeps the offset of every value and key', () => {
    const text = '{\n  "inbound_rules": [ {"port": 22, "source_cidr": "0.0.0.0/0"} ]\n}';
    const r = readJson(text);
    if (!r.ok) throw new Error(r.message);
    const rule = member(r.node, 'inbound_rules');
    expect(rule?.kind).toBe('array');
    const first = rule?.kind === 'array' ? rule.items[0] : undefined;
    const cidr = member(first, 'source_cidr');
    expect(cidr).toMatchObject({ kind: 'string', value: '0.0.0.0/0', start: text.indexOf('"0.0.0.0/0"') });
    expect(member(first, 'port')).toMatchObject({ kind: 'number', value: 22, start: text.indexOf('22') });
  });

  test('decodes escapes and keeps the last of duplicate keys, as JSON.parse does', () => {
    const r = readJson('{"a": "x\\u0041\\n", "a": 2}');
    expect(r.ok && member(r.node, 'a')).toMatchObject({ kind: 'number', value: 2 });
    const s = readJson('"\\u00e9\\"/"');
    expect(s.ok && s.node).toMatchObject({ value: 'é"/' });
  });

  test('reports the offset of a syntax error instead of throwing', () => {
    expect(readJson('{"port": 22,}')).toMatchObject({ ok: false, offset: 12 });
    expect(readJson('{"a": "unterminated}')).toMatchObject({ ok: false, offset: 6, message: 'unterminated string' });
    expect(readJson('[1] x')).toMatchObject({ ok: false, offset: 4 });
    expect(readJson('[' .repeat(500))).toMatchObject({ ok: false });
  });

  test('reads one value out of a larger text, and shell variables when asked', () => {
    const text = `curl -d '{"port": $PORT, "source_cidr": "\${CIDR}"}' x`;
    const from = text.indexOf('{');
    expect(readJson(text, { from, trailing: false })).toMatchObject({ ok: false });
    const r = readJson(text, { from, trailing: false, shellValues: true });
    expect(r.ok && member(r.node, 'port')).toMatchObject({ kind: 'unknown', text: '$PORT' });
    expect(r.ok && text[r.end]).toBe("'");
  });
});

describe('firewall payloads', () => {
  test('a JSON file: finding at the CIDR, with a one-line fix that swaps it', () => {
    const text = '{"inbound_rules": [\n  {"description": "db", "protocol": "tcp", "port": 5432, "source_cidr": "0.0.0.0/0"}\n]}\n';
    const [d] = firewallCheck.check('fw.json', text, ctx);
    expect(d).toMatchObject({ ruleId: 'firewall-database-public', line: 2, column: 73, endColumn: 84 });
    expect(d.fix).toEqual({ line: 2, replacement: '  {"description": "db", "protocol": "tcp", "port": 5432, "source_cidr": "10.0.0.0/8"}' });
  });

  test('a payload inside shell quotes maps back through the quoting and continuations', () => {
    const text = [
      '#!/bin/sh',
      'curl -X PUT "$API/firewall" \\',
      `  -d "{\\"inbound_rules\\": [{\\"protocol\\": \\"tcp\\", \\"port\\": \\"5000-6000\\", \\"source_cidr\\": \\"::/0\\"}]}"`,
    ].join('\n');
    const [d] = firewallCheck.check('fw.sh', text, ctx);
    expect(d).toMatchObject({ ruleId: 'firewall-inbound-open', severity: 'critical', line: 3 });
    expect(text.split('\n')[2].slice(d.column - 1)).toMatch(/^\\"::\/0\\"/);
  });

  test('a malformed JSON file is a parse error at its line, not a crash', () => {
    const [d] = firewallCheck.check('fw.json', '{"inbound_rules": [\n  {"port": 22 "source_cidr": "0.0.0.0/0"}\n]}', ctx);
    expect(d).toMatchObject({ ruleId: 'config-parse-error', line: 2, column: 15 });
  });

  test('a templated inline payload that is not JSON is skipped', () => {
    expect(firewallCheck.check('fw.sh', `curl -d '{"inbound_rules": [{{ rules }}]}'`, ctx)).toEqual([]);
  });
});
