import { isPlaceholder, isReference } from '../../src/secrets/placeholder.js';
import { expandSample } from '../../src/secrets/samples.js';

describe('placeholders and references', () => {
  test.each([
    ['${DB_PASSWORD}'],
    ['${{ secrets.API_KEY }}'],
    ['#{PaymentApiKey}#'],
    ['ENC[AES256_GCM,data:3k1N,iv:Zm9v,tag:YmFy,type:str]'],
    ['!vault |'],
    ["os.environ['KEY']"],
    ['%(db_password)s'],
    ['&lt;YOUR_PASSWORD&gt;'],
  ])('%s is a reference to a secret kept elsewhere', (value) => {
    expect(isReference(value)).toBe(true);
  });

  test.each([['your_moltbotden_api_key'], ['mbd_live_a1b2c3d4...'], ['changeme'], ['xxxxxxxxxxxxxxxx'], ['abcdefghijklmnop']])('%s is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  test("jwt.io's example token is a published example, wherever it is pasted", () => {
    const example =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    expect(isPlaceholder(example)).toBe(true);
    expect(isPlaceholder(expandSample('{{jwt:sub=1234567890}}', 'real'))).toBe(false);
  });

  test.each([['$apr1$tp8glkbm$fjg65tI1eipoBh62aEjIy0'], ['$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7'], ["Ed&1cr+{3T$a+{[8LP~i5-[|Z`x-V>;Di_C/E~UnSg{n[h#{D[-t>yIUZ8YqSu3t"]])(
    '%s is a value: a crypt hash is not a $VAR, a salt holding #{ is not Ruby interpolation',
    (value) => {
      expect(isReference(value)).toBe(false);
    },
  );

  test.each([['$HOME'], ['#{ENV["DB_PASSWORD"]}'], ['pre-#{secret}-post']])('%s is still a reference', (value) => {
    expect(isReference(value)).toBe(true);
  });

  test('a `%(` that opens no format name is part of a random value', () => {
    // The alphabet of Django's get_random_secret_key includes % ( ^ + = ! @ & * $.
    const value = 'django-insecure-' + expandSample('{{alnum:12}}', 'dj') + '!%(^+=' + expandSample('{{alnum:20}}', 'dj2');
    expect(isReference(value)).toBe(false);
    expect(isPlaceholder(value)).toBe(false);
  });

  test('random values are neither', () => {
    const value = expandSample('{{alnum:32}}', 'p');
    expect(isReference(value)).toBe(false);
    expect(isPlaceholder(value)).toBe(false);
  });
});
