/**
 * The per-year themes table: the year's guiding formulations, main line and generic problem and
 * next-step points. It is data the user edits (config/themes.json), never code, because the
 * themes change every year (report-genre.md).
 */
import { ValidationError } from '../errors.ts';

/** A point of the next-steps or plan section: a short title and its paragraph. */
export interface PlanPoint {
  title: string;
  text: string;
}

export interface YearThemes {
  year: number;
  /** 指导思想, e.g. `以习近平新时代中国特色社会主义思想为指导`. */
  guidance: string;
  /** The year's main line (主线), written as a clause. */
  mainLine: string;
  /** 总要求 of the year's campaign, if any (e.g. 2023: `学思想、强党性、重实践、建新功`). */
  requirement: string | null;
  /** Generic problem points, used when the regulations engine has no specific finding. */
  problems: string[];
  /** Generic next-step points. */
  nextSteps: PlanPoint[];
}

/** The table as stored: defaults plus per-year overrides keyed by year. */
export interface ThemesTable {
  default: Omit<YearThemes, 'year'>;
  years: Record<string, Partial<Omit<YearThemes, 'year'>>>;
}

/** The themes for `year`: the year's entry over the defaults. */
export function themesFor(table: ThemesTable, year: number): YearThemes {
  return { ...table.default, ...(table.years[String(year)] ?? {}), year };
}

/** Checks a themes table read from a file; throws ValidationError naming the bad field. */
export function validateThemesTable(x: unknown): ThemesTable {
  const bad = (field: string, message: string) => new ValidationError(`主题表格式错误：${field} ${message}`, [{ field, message }]);
  if (typeof x !== 'object' || x === null) throw bad('(root)', '应为对象');
  const t = x as Record<string, unknown>;
  const d = t.default as Record<string, unknown> | undefined;
  if (!d || typeof d !== 'object') throw bad('default', '缺失');
  for (const f of ['guidance', 'mainLine'] as const) if (typeof d[f] !== 'string' || !d[f]) throw bad(`default.${f}`, '应为非空文本');
  if (!Array.isArray(d.problems) || !d.problems.every((p) => typeof p === 'string')) throw bad('default.problems', '应为文本数组');
  if (!Array.isArray(d.nextSteps) || !d.nextSteps.every((p) => p && typeof p.title === 'string' && typeof p.text === 'string')) {
    throw bad('default.nextSteps', '应为 {title, text} 数组');
  }
  if (t.years !== undefined && (typeof t.years !== 'object' || t.years === null)) throw bad('years', '应为对象');
  return { default: { requirement: null, ...(d as object) } as ThemesTable['default'], years: (t.years ?? {}) as ThemesTable['years'] };
}
