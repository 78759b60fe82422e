import { FakeGitHub } from './fake-github.js';
import { buildAction } from './runner.js';
import { removeTempDirs } from './repos.js';

/**
 * The life cycle every action suite shares: the bundle built once per file, a fresh fake API
 * on 127.0.0.1 per test, temp repositories removed at the end. The setters hand the current
 * bundle path and API to the suite's own variables.
 */
export function useActionHarness(set: { bundle: (path: string) => void; api: (api: FakeGitHub) => void }): void {
  let api: FakeGitHub | undefined;
  beforeAll(() => set.bundle(buildAction()));
  beforeEach(async () => {
    api = new FakeGitHub();
    await api.start();
    set.api(api);
  });
  afterEach(async () => {
    await api?.stop();
  });
  afterAll(removeTempDirs);
}
