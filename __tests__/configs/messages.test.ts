import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../src/pipeline/scan.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mg-messages-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a password equal to its service name is masked without masking the message into nonsense', async () => {
  writeFileSync(join(dir, 'compose.yaml'), 'services:\n  gitea:\n    image: gitea/gitea:1.21\n    environment:\n      - DB_PASSWD=gitea\n');
  const report = await scan({ path: dir, mode: 'tree', today: '2026-01-01', failOn: 'none' });
  const found = report.findings.find((f) => f.ruleId === 'container-environment-secret');
  expect(found?.message).toMatch(/^This service sets DB_PASSWD to a literal value/);
  expect(found?.message).not.toMatch(/\*\*\*/);
  expect(found?.snippet).not.toContain('=gitea');
});

test('a system task running as root (AIDE) is low severity with a fix that keeps root', async () => {
  writeFileSync(join(dir, 'aidecheck.service'), '[Service]\nType=oneshot\nExecStart=/usr/bin/aide --check\n');
  const report = await scan({ path: dir, mode: 'tree', today: '2026-01-01', failOn: 'none' });
  const found = report.findings.find((f) => f.ruleId === 'systemd-root-service');
  expect(found?.severity).toBe('low');
  expect(found?.remediation).toMatch(/Keep root/);
  expect(found?.message).not.toMatch(/User=agent/);
});
