import { expandSample } from '../../src/secrets/samples.js';
import { VALIDATORS } from '../../src/secrets/validators.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const jwtOf = (payload: object) =>
  `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2lnbmF0dXJl`;

describe('prefixed-crc32', () => {
  const check = VALIDATORS['prefixed-crc32'];
  test('accepts a token whose last 6 characters are the CRC32 of the body', () => {
    expect(check(expandSample('{{crc:ghp_:30}}', 'crc'))).toBe(true);
    expect(check(expandSample('{{crc:npm_:30}}', 'crc'))).toBe(true);
  });
  test('rejects the same shape with a wrong checksum', () => {
    expect(check(expandSample('ghp_{{alnum:36}}', 'crc'))).toBe(false);
  });
});

describe('jwt and jwt-service-role', () => {
  test('a JWT needs a header with alg and a payload with claims', () => {
    expect(VALIDATORS.jwt(jwtOf({ sub: '1' }))).toBe(true);
    expect(VALIDATORS.jwt(jwtOf({}))).toBe(false);
    expect(VALIDATORS.jwt('eyJub3QiOiJqd3Qi.eyJ4IjoxfQ.abc')).toBe(false);
  });
  test('only a service_role JWT is a Supabase leak; the anon key is public by design', () => {
    expect(VALIDATORS['jwt-service-role'](jwtOf({ iss: 'supabase', role: 'service_role' }))).toBe(true);
    expect(VALIDATORS['jwt-service-role'](jwtOf({ iss: 'supabase', role: 'anon' }))).toBe(false);
  });
});

describe('basic-credential', () => {
  const check = VALIDATORS['basic-credential'];
  test('accepts base64 of user:password', () => {
    expect(check(b64('deploy:Qm7fT2xLp9Vz'))).toBe(true);
  });
  test('rejects placeholders, missing colons and text that is not base64', () => {
    expect(check(b64('user:password'))).toBe(false);
    expect(check(b64('user:${REGISTRY_TOKEN}'))).toBe(false);
    expect(check(b64('justonewordwithoutcolon'))).toBe(false);
    expect(check('not base64 at all!')).toBe(false);
    expect(check('QUJD')).toBe(false); // "ABC": no colon
  });
});

describe('base64-secret', () => {
  const check = VALIDATORS['base64-secret'];
  test('accepts an encoded credential or binary key material', () => {
    expect(check(b64('Xk29vLq7TmZ3pR'))).toBe(true);
    expect(check(Buffer.from([0x30, 0x82, 0x01, 0x0a, 0x02, 0x82]).toString('base64'))).toBe(true);
  });
  test('rejects placeholders, short or numeric values and non-canonical base64', () => {
    expect(check(b64('changeme'))).toBe(false);
    expect(check(b64('admin'))).toBe(false);
    expect(check(b64('5432'))).toBe(false);
    expect(check(b64('true'))).toBe(false);
    expect(check('my-secret-name')).toBe(false);
  });
});

describe('pypi-macaroon', () => {
  const check = VALIDATORS['pypi-macaroon'];
  test('accepts a token that parses as a version-2 macaroon located at pypi.org', () => {
    expect(check(`pypi-${expandSample('{{pypi:pypi.org}}', 'm1')}`)).toBe(true);
    expect(check(`pypi-${expandSample('{{pypi:test.pypi.org}}', 'm2')}`)).toBe(true);
  });
  test('rejects the right prefix followed by anything else', () => {
    expect(check(expandSample('pypi-AgEIcHlwaS5vcmc{{b64url:120}}', 'm3'))).toBe(false);
    expect(check(`pypi-${expandSample('{{pypi:evil.example}}', 'm4')}`)).toBe(false);
    const valid = expandSample('{{pypi:pypi.org}}', 'm5');
    expect(check(`pypi-${valid.slice(0, -4)}`)).toBe(false);
  });
});
