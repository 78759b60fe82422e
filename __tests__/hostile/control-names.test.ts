import { cli, tempRepos } from '../helpers/repo.js';
import { fake } from '../helpers/fakes.js';
import { scan } from '../../src/pipeline/scan.js';
import { renderSummary } from '../../src/report/github/summary.js';

const repo = tempRepos();

/** A title-setting OSC, a bell and a screen clear: what a hostile file name would send a terminal. */
const NAME = 'evil\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e.env';
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;

describe('file names with control characters are escaped in every format', () => {
  for (const git of [false, true]) {
    test(git ? 'in a git repository' : 'outside git', async () => {
      const r = repo(git);
      r.write(NAME, `K=${fake.mbd('ctl')}\n`);
      if (git) r.commit('add');
      for (const format of ['text', 'github', 'sarif']) {
        const { code, stdout } = await cli('scan', r.dir, '--format', format);
        expect(code).toBe(1);
        expect(stdout).not.toMatch(RAW_CONTROL);
        expect(stdout).toContain(format === 'sarif' ? 'evil%1B%5D0;pwned%07' : 'evil\\u001b]0;pwned\\u0007');
      }
      // JSON stays JSON: escaped by the encoder and read back as the real name.
      const json = await cli('scan', r.dir, '--format', 'json');
      expect(json.stdout).not.toMatch(RAW_CONTROL);
      expect(JSON.parse(json.stdout).findings[0].path).toBe(NAME);
      const report = await scan({ path: r.dir, mode: 'tree', today: '2026-11-25' });
      const summary = renderSummary(report, { target: 'test', notes: [] });
      expect(summary).not.toMatch(RAW_CONTROL);
      expect(summary).toContain('evil\\u001b]0;pwned\\u0007');
    });
  }
});
