import { describe, expect, it } from 'vitest';
import { maskPhoneNumbers } from '../../src/report/mask-phones.js';

describe('maskPhoneNumbers', () => {
  it.each([
    ['+1 425 555 0100', '+1 ••• ••• ••00'],
    ['call +44 20 7183 8750 now', 'call +44 •• •••• ••50 now'],
    ['(425) 555-0101', '(•••) •••-••01'],
    ['425-555-0102', '•••-•••-••02'],
    ['4255550103', '••••••••03'],
    ['a: +1 425 555 0100, b: +1 425 555 0199.', 'a: +1 ••• ••• ••00, b: +1 ••• ••• ••99.'],
  ])('masks %s', (input, expected) => {
    expect(maskPhoneNumbers(input)).toBe(expected);
  });

  it.each([
    'done on 2026-11-25 at 2026-11-25T14:50:01Z',
    'done on 2026-11-25 1000 users',
    'replication port 4443 on 192.168.100.200',
    'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'group 3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    'version 8.1.2.3',
    '1500000 users, 12345 tokens',
    'C:\\Program Files\\Multi-Factor Authentication Server\\Data',
  ])('leaves %s alone', (input) => {
    expect(maskPhoneNumbers(input)).toBe(input);
  });
});
