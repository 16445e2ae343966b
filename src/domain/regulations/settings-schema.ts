/**
 * Validation and inheritance of per-unit regulation settings (regulations.md §11 open points).
 * A unit stores only the settings it changes (`SettingsOverrides`); the effective settings of an
 * organization are the defaults, then each ancestor's overrides from the root down, then its own.
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { isLocalDate } from '../common/dates.ts';
import { ValidationError } from '../errors.ts';
import { DEFAULT_SETTINGS, type RegulationSettings } from './settings.ts';

/** The settings a unit may store: any subset of RegulationSettings. */
export type SettingsOverrides = Partial<RegulationSettings>;

/** Every setting key, in the order of RegulationSettings. */
export type SettingKey = keyof RegulationSettings;

/** Chinese label of each setting, used in messages and in the CLI/API listing. */
export const SETTING_LABELS: Readonly<Record<SettingKey, string>> = {
  partyLectureFrequency: '党课频次',
  organizationalLifeGraceMonths: '组织生活会计入上一年的宽限月数',
  memberAppraisalGraceMonths: '民主评议党员计入上一年的宽限月数',
  studyHoursMinimum: '党员年度学习学时',
  leaderStudyHoursMinimum: '支部书记和支委年度学习学时（null 为不检查）',
  studyHoursProRata: '年中入党或转入的党员学时按在党月数折算',
  talkCoverage: '谈心谈话覆盖要求',
  strictMajority: '“半数以上”按超过半数计',
  duesBasePolicy: '党费计缴基数扣除项',
  duesRecalculation: '党费调整方式',
  farmerMonthlyDues: '农民党员每月党费（元）',
  farmerDuesRange: '农民党员党费上下限（元）',
  lowIncomeMonthlyDues: '学生、下岗失业、低保党员每月党费（元）',
  duesRoundingStep: '党费计算取整单位（元）',
  activistMinMonthsAfterApplication: '递交申请书到确定积极分子的最短月数（null 为无）',
  publicityWorkingDays: '公示工作日数',
  holidayCalendar: '节假日与调休上班日',
  termReminderMonths: '换届提前提醒月数',
  letterValidityMonths: '组织关系介绍信有效期（月）',
  dueHorizonDays: '“即将到期”提前天数',
};

const intIn = (min: number, max: number) => z.number({ error: `应为 ${min}–${max} 的整数` }).int({ error: `应为 ${min}–${max} 的整数` }).min(min, { error: `应为 ${min}–${max} 的整数` }).max(max, { error: `应为 ${min}–${max} 的整数` });
/** 元 with at most 2 decimals, as a string so no float ever carries money. */
const yuan = z.string({ error: '应为金额（元），如 0.20' }).regex(/^\d{1,6}(\.\d{1,2})?$/, { error: '应为金额（元），最多两位小数，如 0.20' });
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `应为 ${values.join('、')} 之一` });
const localDate = z.string().refine(isLocalDate, { error: '应为 YYYY-MM-DD 格式的日期' });

/** One schema per setting, with the bounds a unit may choose. */
const FIELD_SCHEMAS = {
  partyLectureFrequency: oneOf(['none', 'monthly', 'quarterly', 'halfYearly', 'yearly']),
  organizationalLifeGraceMonths: intIn(0, 11),
  memberAppraisalGraceMonths: intIn(0, 11),
  studyHoursMinimum: intIn(0, 400),
  leaderStudyHoursMinimum: intIn(0, 400).nullable(),
  studyHoursProRata: z.boolean({ error: '应为 true 或 false' }),
  talkCoverage: oneOf(['suggested', 'perMember', 'none']),
  strictMajority: z.boolean({ error: '应为 true 或 false' }),
  duesBasePolicy: oneOf(['incomeTaxOnly', 'incomeTaxAndSocialInsurance']),
  duesRecalculation: oneOf(['annualFix', 'withPayChange']),
  farmerMonthlyDues: yuan,
  farmerDuesRange: z.object({ min: yuan, max: yuan }, { error: '应为 {"min":"0.20","max":"1.00"} 形式' }).strict()
    .refine((r) => new Decimal(r.min).lte(r.max), { error: '下限不能高于上限' }),
  lowIncomeMonthlyDues: yuan,
  duesRoundingStep: oneOf(['0.01', '0.1', '1']),
  activistMinMonthsAfterApplication: intIn(0, 36).nullable(),
  publicityWorkingDays: intIn(1, 30),
  holidayCalendar: z.object({ holidays: z.array(localDate), makeUpWorkdays: z.array(localDate) }, { error: '应为 {"holidays":[…],"makeUpWorkdays":[…]} 形式' }).strict(),
  termReminderMonths: intIn(1, 24),
  letterValidityMonths: intIn(1, 12),
  dueHorizonDays: intIn(1, 366),
} satisfies Record<SettingKey, z.ZodType>;

/** A complete RegulationSettings object (effective settings, e.g. in API responses). */
export const regulationSettingsSchema = z.object(FIELD_SCHEMAS).strict();

/** The overridable settings as a partial object; unknown keys are refused. */
export const settingsOverridesSchema = z.object(FIELD_SCHEMAS).partial().strict();

/** Every setting key. */
export const SETTING_KEYS: readonly SettingKey[] = Object.keys(FIELD_SCHEMAS) as SettingKey[];

/** Whether `key` names a setting. */
export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(FIELD_SCHEMAS, key);
}

function fieldName(key: string): string {
  return isSettingKey(key) ? `${SETTING_LABELS[key]}（${key}）` : key;
}

/**
 * Validates stored or submitted overrides. Throws ValidationError whose message names each bad
 * field in Chinese (e.g. `党课频次（partyLectureFrequency）：应为 none、monthly… 之一`).
 */
export function parseSettingsOverrides(input: unknown): SettingsOverrides {
  const r = settingsOverridesSchema.safeParse(input);
  if (r.success) return r.data as SettingsOverrides;
  const issues = r.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return { field: issue.keys.join(','), message: `没有名为 ${issue.keys.join('、')} 的设置项` };
    const key = issue.path[0];
    if (typeof key !== 'string') return { field: '', message: `设置应为对象：${issue.message}` };
    const rest = issue.path.slice(1).join('.');
    return { field: issue.path.join('.'), message: `${fieldName(key)}${rest ? ` ${rest}` : ''}：${issue.message}` };
  });
  throw new ValidationError(`设置无效：${issues.map((i) => i.message).join('；')}`, issues);
}

/**
 * Parses one `key=value` text (CLI): the value is tried as written (strings such as `yearly`,
 * `0.50`), then as JSON (numbers, `true`, `null`, objects). ValidationError naming the key or value.
 */
export function parseSettingText(key: string, text: string): SettingsOverrides {
  if (!isSettingKey(key)) throw new ValidationError(`没有名为 ${key} 的设置项（可用：${SETTING_KEYS.join('、')}）`);
  const schema = FIELD_SCHEMAS[key] as z.ZodType;
  if (schema.safeParse(text).success) return parseSettingsOverrides({ [key]: text });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return parseSettingsOverrides({ [key]: json });
}

/**
 * Effective settings from a chain of overrides ordered from the root organization down to the
 * organization itself: defaults, then each ancestor's overrides, the organization's own last
 * (a 党委 sets them for all its branches; a branch may override).
 */
export function effectiveSettings(chain: readonly SettingsOverrides[]): RegulationSettings {
  const merged: RegulationSettings = { ...DEFAULT_SETTINGS };
  for (const overrides of chain) {
    for (const key of SETTING_KEYS) {
      if (Object.hasOwn(overrides, key) && overrides[key] !== undefined) (merged as unknown as Record<string, unknown>)[key] = overrides[key];
    }
  }
  return merged;
}

/** Where a setting's effective value comes from: the defaults, or the organization (`orgId`) that set it last. */
export type SettingSource = { kind: 'default' } | { kind: 'org'; orgId: string };

/**
 * For each setting, the organization whose override wins in `chain` (root first, the
 * organization last), or the defaults when none sets it.
 */
export function settingSources(chain: readonly { orgId: string; overrides: SettingsOverrides }[]): Record<SettingKey, SettingSource> {
  const sources = Object.fromEntries(SETTING_KEYS.map((k) => [k, { kind: 'default' }])) as Record<SettingKey, SettingSource>;
  for (const link of chain) {
    for (const key of SETTING_KEYS) {
      if (Object.hasOwn(link.overrides, key) && link.overrides[key] !== undefined) sources[key] = { kind: 'org', orgId: link.orgId };
    }
  }
  return sources;
}
