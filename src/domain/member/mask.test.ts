import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './mask.ts';

describe('maskIdNumber', () => {
  it('keeps the region and the last 4 characters', () => {
    expect(maskIdNumber('110105199001011234')).toBe('110105********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
  it('never reveals the birth date, and masks short or empty values entirely', () => {
    expect(maskIdNumber('532801198503170311')).not.toContain('19850317');
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBe('');
  });
});

describe('maskPhone', () => {
  it('masks the middle 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps only the last 4 digits of other numbers', () => {
    expect(maskPhone('0691-2123456')).toBe('****-***3456');
    expect(maskPhone('123')).toBe('***');
    expect(maskPhone(undefined)).toBe('');
  });
});
