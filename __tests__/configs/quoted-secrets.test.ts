import { detectUnit } from '../../src/pipeline/detect.js';
import { SecretEngine } from '../../src/secrets/engine.js';
import { CONFIG_CHECKS } from '../../src/configs/index.js';

/**
 * Config checks report the value a program reads; the file may write it escaped or quoted.
 * With no secret rule to help (an empty engine), every output must still hide each form.
 */
const cases: [string, string, string, string[]][] = [
  ['dotenv, double quotes with an escaped quote', '.env', 'DB_PWD="ab\\"cd9xQzP"\n', ['cd9xQzP']],
  ['a template holding a real value', 'deploy/.env.example', 'DB_PWD="ab\\"cd9xQzP"\n', ['cd9xQzP']],
  ['systemd Environment= with an escaped quote', 'deploy/agent.service', '[Service]\nUser=agent\nEnvironment="DB_PASS=ab\\"cd9xQzP"\n', ['cd9xQzP']],
  [
    'compose, YAML double and single quotes',
    'docker-compose.yml',
    'services:\n  app:\n    image: app\n    environment:\n      API_TOKEN: "Zq8\\"Xw3kLmN4xVb7Hc9"\n      DB_PWD: \'Rt7\'\'Kp2VnQ\'\n',
    ['Xw3kLmN4', 'Kp2VnQ'],
  ],
  ['a database URL whose password the secret rules would let pass', 'app/settings.py', 'DATABASE_URL = "postgresql://admin:adminpass@db.prod-example.net/app"\n', ['adminpass']],
];

test.each(cases)('%s: the finding is made and shows no form of the value', (_name, path, text, raw) => {
  const ctx = { read: () => undefined, paths: () => [path] };
  const { findings } = detectUnit({ path, text, wholeFile: true }, { secrets: new SecretEngine([]), configs: CONFIG_CHECKS }, ctx);
  expect(findings.length).toBeGreaterThan(0);
  const out = JSON.stringify(findings);
  for (const part of raw) expect(out).not.toContain(part);
});
