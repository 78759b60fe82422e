import { findPublicKeys, keyBits, keyWeakness, parsePublicKey } from '../../src/configs/keys/ssh-public-keys.js';

/** Public keys made with ssh-keygen (-t rsa -b 2048, -b 3072, -t dsa, -t ecdsa, -t ed25519): public, not secrets. */
const RSA_2048 = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDmRuEvjI9Gfybuv9HX+C+uDVs0/ZolP/DTi9aCW6rqBkL9yv1BhawSOIekZZssRKEEnRh+YL74+fbPvqGoDZ33lUAh8jxcl3GfS9e1wQ2J3L+VCCpglbwZfw3eGBwfxalIWzZDTirqFre1paOllfHmf5NQr7ZaryUKwAvy62ZSadWNuZV9dfguRakMWAyHb0S9FFJ0N0/NubYtKzor7kDicNi55jiXKJ5R8Ybq8QYWXEMBrh+gVu+aC3mVt3JEddlRbkmokumlNBECv+9+bcueGkIki3AQJGbNDirGwAUd8oOcYpC+gomSrm6jviO4TJl65gWNKiZKp/W0hQvd+DRR';
const RSA_3072 = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQDFjs1zJScLSYzQPWgx4cJyD+nUwjno4S64azUrCYBrH+60tWEmy10Tu8vvAc72fQysyYKJYANZxgsgk43RgLaQraxSj0/wrWgz5BSVT04YBtP5KsYrWhBryL66qo9bSAIhoFPDYuzXA5yM+2eyrXpdvZG8ZcI0suc6AD6omTZNwVfb/Xk7dEm5utkMLEZ7CJ+a6xL8OihEsqN85G0BHdFtfT6rbt4m5M2Lv0D7EwO3cQx6LRM5ctrIjIJfFBC6FwyAlXI22oLxAP8u5pu1a0c5XQo4QXSSAalcmno1BMu7PSRfiVSiYyoWOetm0yBmmAGhyfBa/DvplPDyY2n1tgMujbj+b2XakwINa9NMyyD566633Jhyu/USx3tEkt7iaFDk0/NJTgk1aCwfKXVxnh6uH66lAB7+jc1udvxxsgc1qN1EO78Au+TNboh2H1cD1s8SX9NN8XgnpHAZ7m31YqKjgkwH7kSvLpiX2c+4KNJvIe1F1fUIxrX28xdDdUm3QA8=';
const DSA = 'ssh-dss AAAAB3NzaC1kc3MAAACBALep9ah05xwyrhIl3tAtCm8JaHSYuQQfIUjilJGcEyMnswNBXd0Ul1Cg+i7qap+wvrACM/QNFDbhxptkclwOoRqR7KfukCNQ/HkOgEAmZW5gZkpG/dkI2e2Y59eRAs0UhFInGRO2HExaCr731YMSebJ8A8iz86GxcLvSA3pMzx01AAAAFQD/m7dHgcHuVZW/TzNqUKzqsUma0wAAAIA2BLwcPOL9SjM0r7simgA2kxumMtvVn6FC69pf9DDI5IFuxWorxoN8MElW5anCWT3vNZDhYAWbwGNWcB8f8UBP5dkJaMa9b9rZAFJnQKNobiCmhvjsgLfe5d3sfGH2lwpinjwAUCLu/rLIPwzYzaia3jye8qahTu/QC2v26oc1mgAAAIEAlrlUJlx6UnMl8i1/zH+oa6aZohV9BaxnNUStqjMUz2VUuw9cJdZBAz5hKXiqRdEYktIePsh40XaWV2P2UuU1NLqAKwZcU9RZbLCAkOVWo+qi9uGm4tRpv92KQ+FkxgnIFWcIbwdrEHoopxKo8aB/l+4dgmFwxshktFj+fqKq4Wk=';
const ECDSA = 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHK7a8WGDdf81SvdM2Ew2YGWNIaaHfB5uVtgFAXkAMqvuY27YWxJfn7Ed/4W7OS/iqND+YqydoNQKFqgOfFwlCc=';
const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHuVR4+w5V1YTlL7hm8StI1htDYSir2Er1KXIbdOTf/v';

describe('public key decoding', () => {
  test('reads the RSA modulus length from the wire-format blob', () => {
    expect(parsePublicKey(`${RSA_2048} deploy@ci`)).toMatchObject({ type: 'ssh-rsa', bits: 2048, index: 0 });
    expect(parsePublicKey(RSA_3072)?.bits).toBe(3072);
    expect(parsePublicKey(DSA)?.bits).toBe(1024);
    expect(parsePublicKey(ECDSA)?.bits).toBe(256);
    expect(parsePublicKey(ED25519)?.bits).toBeUndefined();
  });

  test('finds keys after authorized_keys options and inside JSON strings', () => {
    const line = `from="10.0.0.0/8",command="echo hi there" ${ED25519} alice`;
    expect(parsePublicKey(line)?.index).toBe(line.indexOf('ssh-ed25519'));
    const json = `{"ssh_public_key": "${RSA_2048} ci", "other": "${ECDSA}"}`;
    expect(findPublicKeys(json).map((k) => [k.type, k.index])).toEqual([
      ['ssh-rsa', json.indexOf('ssh-rsa')],
      ['ecdsa-sha2-nistp256', json.indexOf('ecdsa')],
    ]);
  });

  test('a blob that does not decode as its type has no size', () => {
    const blob = ED25519.split(' ')[1];
    expect(keyBits('ssh-rsa', blob)).toBeUndefined();
    expect(keyBits('ssh-rsa', 'AAAA')).toBeUndefined();
  });

  test("skips the guide's placeholder and truncated keys", () => {
    expect(findPublicKeys('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... agent@prod')).toEqual([]);
    expect(findPublicKeys('ssh-rsa AAAAB3NzaC1yc2E…')).toEqual([]);
    expect(findPublicKeys('ssh-rsa AAAAB3Nza')).toEqual([]);
    // A full-length blob cut off with an ellipsis is a placeholder too (the length check alone would pass it).
    const blob = ED25519.split(' ')[1];
    expect(findPublicKeys(`ssh-ed25519 ${blob.slice(0, 60)}... agent@prod`)).toEqual([]);
    expect(findPublicKeys(`ssh-ed25519 ${blob.slice(0, 60)} agent@prod`)).toHaveLength(1);
  });

  test('weakness: DSA high, short RSA medium, ECDSA low, Ed25519 and long RSA fine', () => {
    const verdict = (k: string) => keyWeakness(parsePublicKey(k)!)?.severity;
    expect([DSA, RSA_2048, ECDSA, RSA_3072, ED25519].map(verdict)).toEqual(['high', 'medium', 'low', undefined, undefined]);
    expect(keyWeakness(parsePublicKey(RSA_2048)!)?.message).toMatch(/2048 bits/);
  });
});
