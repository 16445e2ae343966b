import { describe, expect, it } from 'vitest';
import { idCandidates } from '../../../test/support/id-candidates.ts';
import { composeIdNumber } from './id-number.ts';
import { maskIdNumber, maskPhone } from './mask.ts';

describe('maskIdNumber', () => {
  it('keeps only the region code', () => {
    expect(maskIdNumber('110105199001011234')).toBe('110105************');
    expect(maskIdNumber('11010519491231002X')).toBe('110105************');
  });
  it('never reveals the birth date, and masks short or empty values entirely', () => {
    expect(maskIdNumber('532801198503170311')).not.toContain('19850317');
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBe('');
  });
  it('cannot be undone with the birth date and gender shown beside it: 500 numbers fit, never one', () => {
    for (const [birthDate, gender] of [['1990-01-01', 'male'], ['1949-12-31', 'female'], ['2001-02-28', 'female']] as const) {
      for (const seq of [0, 7, 500, 998]) {
        const id = composeIdNumber('532801', birthDate, seq, gender);
        expect(idCandidates({ masked: maskIdNumber(id), birthDate, gender })).toBe(500);
        // The former mask (region + last 4) left exactly one: the number itself.
        expect(idCandidates({ masked: `${id.slice(0, 6)}********${id.slice(-4)}`, birthDate, gender })).toBe(1);
      }
    }
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
