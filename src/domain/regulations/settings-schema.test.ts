import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { effectiveSettings, parseSettingsOverrides, parseSettingText, settingSources } from './settings-schema.ts';
import { DEFAULT_SETTINGS } from './settings.ts';

describe('parseSettingsOverrides', () => {
  it('accepts a partial object and keeps only what was given', () => {
    expect(parseSettingsOverrides({ partyLectureFrequency: 'yearly', leaderStudyHoursMinimum: null })).toEqual({ partyLectureFrequency: 'yearly', leaderStudyHoursMinimum: null });
  });

  it('names the field in Chinese and its key when a value is bad', () => {
    expect(() => parseSettingsOverrides({ partyLectureFrequency: 'weekly' })).toThrow(/党课频次（partyLectureFrequency）：应为 none、monthly/);
    expect(() => parseSettingsOverrides({ studyHoursMinimum: 32.5 })).toThrow(/党员年度学习学时（studyHoursMinimum）：应为 0–400 的整数/);
    expect(() => parseSettingsOverrides({ farmerMonthlyDues: 0.2 })).toThrow(/farmerMonthlyDues/);
  });

  it('refuses an unknown key, naming it', () => {
    expect(() => parseSettingsOverrides({ lectureFreq: 'yearly' })).toThrow(/没有名为 lectureFreq 的设置项/);
  });

  it('refuses a farmers\' range whose minimum is above its maximum', () => {
    expect(() => parseSettingsOverrides({ farmerDuesRange: { min: '2.00', max: '1.00' } })).toThrow(/下限不能高于上限/);
  });

  it('lists every bad field as an issue', () => {
    try {
      parseSettingsOverrides({ termReminderMonths: 0, dueHorizonDays: 'x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.field).sort()).toEqual(['dueHorizonDays', 'termReminderMonths']);
    }
  });
});

describe('parseSettingText', () => {
  it('reads words, money, numbers, booleans, null and JSON objects', () => {
    expect(parseSettingText('partyLectureFrequency', 'yearly')).toEqual({ partyLectureFrequency: 'yearly' });
    expect(parseSettingText('farmerMonthlyDues', '0.50')).toEqual({ farmerMonthlyDues: '0.50' });
    expect(parseSettingText('studyHoursMinimum', '40')).toEqual({ studyHoursMinimum: 40 });
    expect(parseSettingText('strictMajority', 'false')).toEqual({ strictMajority: false });
    expect(parseSettingText('leaderStudyHoursMinimum', 'null')).toEqual({ leaderStudyHoursMinimum: null });
    expect(parseSettingText('farmerDuesRange', '{"min":"0.10","max":"2.00"}')).toEqual({ farmerDuesRange: { min: '0.10', max: '2.00' } });
  });

  it('refuses an unknown key and a bad value, naming them', () => {
    expect(() => parseSettingText('nope', '1')).toThrow(/没有名为 nope 的设置项/);
    expect(() => parseSettingText('talkCoverage', 'often')).toThrow(/谈心谈话覆盖要求（talkCoverage）/);
  });
});

describe('effectiveSettings', () => {
  it('is the defaults for an empty chain', () => {
    expect(effectiveSettings([])).toEqual(DEFAULT_SETTINGS);
  });

  it('applies ancestors from the root down, the organization last', () => {
    const committee = { partyLectureFrequency: 'yearly' as const, studyHoursMinimum: 40 };
    const branch = { studyHoursMinimum: 36 };
    const s = effectiveSettings([committee, {}, branch]);
    expect(s.partyLectureFrequency).toBe('yearly');
    expect(s.studyHoursMinimum).toBe(36);
    expect(s.talkCoverage).toBe(DEFAULT_SETTINGS.talkCoverage);
  });

  it('lets a branch switch the 56-hour check off with null', () => {
    expect(effectiveSettings([{ leaderStudyHoursMinimum: 60 }, { leaderStudyHoursMinimum: null }]).leaderStudyHoursMinimum).toBeNull();
  });

  it('does not change the defaults object', () => {
    effectiveSettings([{ dueHorizonDays: 7 }]);
    expect(DEFAULT_SETTINGS.dueHorizonDays).toBe(30);
  });
});

describe('settingSources', () => {
  it('names the nearest organization that sets each key', () => {
    const s = settingSources([{ orgId: 'root', overrides: { partyLectureFrequency: 'yearly', studyHoursMinimum: 40 } }, { orgId: 'branch', overrides: { studyHoursMinimum: 36 } }]);
    expect(s.partyLectureFrequency).toEqual({ kind: 'org', orgId: 'root' });
    expect(s.studyHoursMinimum).toEqual({ kind: 'org', orgId: 'branch' });
    expect(s.talkCoverage).toEqual({ kind: 'default' });
  });
});
