// The hostile inputs of quality.md ("Hostile input") and issue 19, as values: the fuzz test draws from them
// (mixed with generated strings) and `npm run audit:hostile` replays one request per class against a
// running app. Kept in one place so a new class is added once.

/** Values for text fields (names, emails, messages), by class. */
export const hostileText: Record<string, string[]> = {
  'header injection': [
    'x\r\nBcc: a@b.example',
    'x%0d%0aBcc: a@b.example',
    'a\u0000b',
    'a\u0085b',
    'a\u2028b',
    'a\u2029b',
  ],
  'email shapes': [
    'Ana.Souza+tag@GoogleMail.com',
    'ana@xn--80ak6aa92e.com',
    'ana@пример.рф',
    'ana@example.org.',
    '"quoted local"@example.org',
    'ana(comment)@example.org',
    `${'a'.repeat(250)}@example.org`,
    'a@b@example.org',
    'ana @example.org',
    'Ana Souza <ana@example.org>',
    'a@example.org, b@example.org',
  ],
  'names and texts': [
    '',
    'x'.repeat(10_000),
    '👩🏽‍⚕️✊🏾',
    'Ana \u202eazuoS',
    'An\u200ba\u200d',
    'Jose\u0301',
    'Јоѕе',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    "=cmd|' /C calc'!A0",
    '+1',
    '-1',
    '@SUM(1+1)',
    '{{7*7}}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax aimed at email templates is the point
    '${7*7}',
  ],
  encoding: ['\ud800', 'a\udfffb', '\ufeffBOM', '\ufffd'],
  cost: ['@'.repeat(5_000), '<'.repeat(5_000), ' '.repeat(5_000), 'a'.repeat(5_000)],
};

/** Hostile URL path segments, already as they appear in a URL (percent-encoded where needed). */
export const hostileSegments = [
  '%2Fevil.com',
  '%2F%2Fevil.com',
  '%5Cevil.com',
  '..',
  '%2e%2e',
  '%00',
  '%0A',
  '%0D%0ASet-Cookie:%20a=b',
  '%7F',
  '%E2%80%A8',
  '%C4%80',
  '%FF',
  '%ED%A0%80',
  '%',
  '%%',
  'EN',
  'x'.repeat(300),
  '__proto__',
  'constructor',
];

/** Hostile query strings (without the `?`). */
export const hostileQueries = [
  'next=//evil.com',
  'next=%2F%2Fevil.com',
  'next=/editor/%0D%0ALocation:%20//evil.com',
  'src=%3Cscript%3E',
  'a[b][c][d]=1',
  '__proto__[admin]=1',
  'constructor[prototype][admin]=1',
  'lang=xx%0A',
  'edit=1e400',
  `q=${'a'.repeat(5_000)}`,
  'a=1&a=2&a=3',
  '%FF=%FF',
];

/** Extra fields that try mass assignment or prototype pollution, as [name, value] pairs. */
export const hostileFields: [string, string][] = [
  ['status', 'confirmed'],
  ['campaign_id', '2'],
  ['confirmed_at', '1'],
  ['role', 'admin'],
  ['__proto__', 'x'],
  ['constructor', 'x'],
  ['constructor[prototype][admin]', '1'],
];

/** Every hostile text value, flattened. */
export const allHostileText = Object.values(hostileText).flat();
