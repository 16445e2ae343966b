import { describe, expect, it } from 'vitest';
import { formatInstant } from './time.ts';

describe('formatInstant', () => {
  it('shows a UTC instant in Asia/Shanghai, across midnight and the year', () => {
    expect(formatInstant('2026-11-29T14:07:00Z')).toBe('2026-11-29 22:07');
    expect(formatInstant('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
  });
  it('gives nothing for a bad value', () => {
    expect(formatInstant('not a date')).toBe('');
  });
});
