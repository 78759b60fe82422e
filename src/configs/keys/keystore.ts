import { baseName, configRule, type ConfigCheck } from '../rule.js';

/**
 * Binary key stores (PKCS#12 `.p12`/`.pfx`, Java `.jks`/`.keystore`) bundle a private key with
 * its certificate. Their content is binary, so no text rule can see inside: the file's presence
 * is the finding. The sources hand these files over with empty text for exactly this check.
 */

/** PKCS#12 and Java key stores, and Bouncy Castle's FIPS store. */
const KEYSTORE_NAME = /\.(p12|pfx|jks|keystore|bcfks)$/i;

const keystoreFile = configRule({
  id: 'keystore-file',
  title: 'Binary key store committed',
  severity: 'critical',
  why: 'A PKCS#12 or Java key store holds a private key; its password is often empty, a default or kept beside it, and anyone with a clone can try.',
  fix: 'Remove the file (`git rm --cached`, add it to .gitignore), purge it from history, and reissue the certificate with a new key; keep key stores in a secret manager or on the server only.',
});

export const keystoreCheck: ConfigCheck = {
  name: 'keystore',
  rules: [keystoreFile],
  binaryNames: KEYSTORE_NAME,
  applies(path, text) {
    return KEYSTORE_NAME.test(baseName(path)) && text === '';
  },
  check(path) {
    return [keystoreFile.at({ line: 1, column: 1 }, { message: `${baseName(path)} is a binary key store committed to the repository.`, key: 'keystore' })];
  },
};
