import { cloudInitCheck } from '../../src/configs/cloud-init/check.js';

const ctx = { read: () => undefined, paths: () => [] };
const found = (runcmd: string) =>
  cloudInitCheck
    .check('cloud-init.yml', `#cloud-config\nruncmd:\n${runcmd}\n`, ctx)
    .map((d) => `${d.ruleId}@${d.line}:${d.column}`);

describe('cloud-init runcmd is read as shell, like a provisioning script', () => {
  test('a sed that writes yes through a back-reference is found, at its replacement', () => {
    expect(found(String.raw`  - sed -i 's/^#\?\(PasswordAuthentication\).*/\1 yes/' /etc/ssh/sshd_config`)).toEqual(['cloud-init-ssh-password@3:48']);
  });

  test('PermitRootLogin yes written into sshd_config is a root-login finding', () => {
    expect(found(`  - echo "PermitRootLogin yes" >> /etc/ssh/sshd_config`)).toEqual(['cloud-init-root-login@3:11']);
  });

  test('the words in a note to another file are not an sshd edit', () => {
    expect(found(`  - echo "PasswordAuthentication yes is what we removed" > /root/NOTES`)).toEqual([]);
  });

  test('the argv list form is read as the command it runs; its findings sit on the entry', () => {
    expect(found(`  - [sh, -c, "echo 'PasswordAuthentication yes' >> /etc/ssh/sshd_config"]`)).toEqual(['cloud-init-ssh-password@3:5']);
    expect(found(`  - [sed, -i, "s/^PasswordAuthentication yes/PasswordAuthentication no/", /etc/ssh/sshd_config]`)).toEqual([]);
  });
});
