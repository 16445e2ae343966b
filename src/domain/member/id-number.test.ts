import { describe, expect, it } from 'vitest';
import { checkIdNumber, composeIdNumber, idCheckDigit, isValidIdNumber, normalizeIdNumber } from './id-number.ts';

const TODAY = '2026-11-20';

/**
 * Test factory: an ID number computed independently of the code under test, from the
 * definition of ISO 7064 MOD 11-2 (weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11).
 */
function idFor(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return first17 + (c === 10 ? 'X' : String(c));
}

/** The same number with its check character replaced by a wrong one. */
function withWrongCheck(id: string): string {
  const wrong = id[17] === '0' ? '1' : '0';
  return id.slice(0, 17) + wrong;
}

describe('checkIdNumber (GB 11643-1999)', () => {
  it('accepts the examples of the standard and extracts birth date and gender', () => {
    const a = checkIdNumber('11010519491231002X', TODAY);
    expect(a).toEqual({ ok: true, info: { idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'female' } });
    // The standard's other example has a correct check digit but a birth year of 1880.
    expect(checkIdNumber('440524188001010014', TODAY)).toEqual({ ok: false, reason: '身份证号中的出生日期早于1900年' });
  });

  it('accepts numbers built with the algorithm, Yunnan Xishuangbanna codes, both genders', () => {
    const cases: [string, string, number, 'male' | 'female'][] = [
      ['532801', '1985-03-17', 31, 'male'],
      ['532822', '1992-11-02', 46, 'female'],
      ['532823', '2000-02-29', 17, 'male'],
      ['530102', '1968-07-01', 120, 'female'],
    ];
    for (const [region, birth, seq, gender] of cases) {
      const id = idFor(region, birth, seq);
      const r = checkIdNumber(id, TODAY);
      expect(r, id).toEqual({ ok: true, info: { idNumber: id, regionCode: region, birthDate: birth, gender } });
    }
  });

  it('finds check characters that are X (sum mod 11 = 2)', () => {
    let found = 0;
    for (let seq = 0; seq < 200 && found < 3; seq++) {
      const id = idFor('532801', '1990-05-20', seq);
      if (id.endsWith('X')) {
        found++;
        expect(isValidIdNumber(id, TODAY)).toBe(true);
        expect(isValidIdNumber(id.slice(0, 17) + 'x', TODAY)).toBe(true);
      }
    }
    expect(found).toBe(3);
  });

  it('rejects every wrong check character', () => {
    const id = idFor('532801', '1985-03-17', 31);
    for (const c of '0123456789X') {
      if (c === id[17]) continue;
      const r = checkIdNumber(id.slice(0, 17) + c, TODAY);
      expect(r).toEqual({ ok: false, reason: expect.stringContaining('校验位错误') });
    }
  });

  it('rejects a single mistyped digit (the check digit catches it)', () => {
    const id = idFor('532822', '1992-11-02', 46);
    const typo = id.slice(0, 3) + String((Number(id[3]) + 1) % 10) + id.slice(4);
    expect(checkIdNumber(typo, TODAY).ok).toBe(false);
    expect(checkIdNumber(withWrongCheck(id), TODAY).ok).toBe(false);
  });

  it('gives a reason for each kind of malformed number', () => {
    const reason = (s: string) => { const r = checkIdNumber(s, TODAY); return r.ok ? null : r.reason; };
    expect(reason('53280119850317')).toBe('身份证号应为18位，实际为14位');
    expect(reason('532801850317031')).toContain('15位旧身份证号');
    expect(reason('5328011985031703A1')).toContain('前17位应为数字');
    expect(reason(idFor('992801', '1985-03-17', 31))).toContain('省级行政区划代码');
    expect(reason(idFor('532801', '1985-02-30', 31).slice(0, 17) + '0')).toContain('出生日期');
    expect(reason(idFor('532801', '1899-12-31', 31))).toContain('早于1900年');
    expect(reason(idFor('532801', '2026-11-21', 31))).toContain('晚于今天');
    expect(reason(idFor('532801', '2026-11-20', 31))).toBeNull();
  });

  it('normalizes full-width characters, spaces and a lower-case x', () => {
    expect(normalizeIdNumber(' １１０１０５１９４９１２３１００２ｘ ')).toBe('11010519491231002X');
    expect(isValidIdNumber(' 11010519491231002x', TODAY)).toBe(true);
  });
});

describe('idCheckDigit / composeIdNumber', () => {
  it('agrees with the independent factory', () => {
    for (let seq = 0; seq < 50; seq++) {
      const id = idFor('532823', '1979-09-09', seq);
      expect(idCheckDigit(id.slice(0, 17))).toBe(id[17]);
    }
  });

  it('composes numbers whose sequence parity matches the gender', () => {
    const m = composeIdNumber('532801', '1985-03-17', 30, 'male');
    const f = composeIdNumber('532801', '1985-03-17', 999, 'female');
    expect(m).toBe(idFor('532801', '1985-03-17', 31));
    expect(f).toBe(idFor('532801', '1985-03-17', 998));
    expect(checkIdNumber(m, TODAY)).toMatchObject({ ok: true, info: { gender: 'male' } });
    expect(checkIdNumber(f, TODAY)).toMatchObject({ ok: true, info: { gender: 'female' } });
  });

  it('refuses malformed parts', () => {
    expect(() => idCheckDigit('123')).toThrow();
    expect(() => composeIdNumber('5328', '1985-03-17', 1, 'male')).toThrow();
  });
});
