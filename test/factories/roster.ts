/**
 * Factories for member rosters (党员花名册): valid records computed with the GB 11643 algorithm,
 * and sheets of cells as a spreadsheet reader gives them.
 */
import { addDays, format } from 'date-fns';
import { composeIdNumber } from '../../src/domain/member/id-number.ts';
import type { Cell, GridRow, RosterEntry, RosterSheet } from '../../src/domain/member/roster.ts';
import { ROSTER_FIELD_LIST, ROSTER_FIELDS } from '../../src/domain/member/roster.ts';
import { POSITIONS } from '../../src/domain/member/member.ts';
import type { Position } from '../../src/domain/member/member.ts';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '刀', '岩', '玉', '白', '普'];
const GIVEN = ['建国', '丽华', '志强', '秀英', '国庆', '海燕', '文斌', '春梅', '明', '艳', '伟', '罕', '香', '光辉', '晓东'];
const ETHNICITIES = ['汉族', '傣族', '哈尼族', '彝族', '拉祜族', '布朗族', '基诺族'];
const REGIONS = ['532801', '532822', '532823'];

/** The i-th valid roster record (deterministic), as a RosterRow without its row number. */
export function rosterRecord(i: number, over: Partial<RosterEntry> = {}): RosterEntry {
  const gender = i % 3 === 0 ? 'female' : 'male';
  const birthDate = format(addDays(new Date(1965, 0, 1), (i * 137) % 12000), 'yyyy-MM-dd');
  const probationary = i % 11 === 5;
  const admittedYear = Number(birthDate.slice(0, 4)) + 22 + (i % 5);
  const admittedOn = probationary ? `2026-0${1 + (i % 8)}-15` : `${Math.min(admittedYear, 2024)}-07-01`;
  return {
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
    gender,
    ethnicity: ETHNICITIES[i % ETHNICITIES.length]!,
    birthDate,
    education: i % 4 === 0 ? '研究生' : '大学本科',
    idNumber: composeIdNumber(REGIONS[i % REGIONS.length]!, birthDate, (i * 37) % 1000, gender),
    phone: `139${String(10_000_000 + i * 7919).slice(-8)}`,
    category: probationary ? 'probationary' : 'full',
    admittedOn,
    fullOn: probationary ? null : `${Number(admittedOn.slice(0, 4)) + 1}-07-01`,
    branchName: i % 2 === 0 ? '州审计局党支部' : '州财政局党支部',
    positions: [],
    ...over,
  };
}

/** The cells of a record in the column order of `ROSTER_FIELDS`, dates as `YYYY-MM-DD` text. */
export function rosterCells(r: RosterEntry): Cell[] {
  return ROSTER_FIELD_LIST.map((f): Cell => {
    switch (f) {
      case 'gender': return r.gender === 'male' ? '男' : '女';
      case 'category': return r.category === 'full' ? '正式党员' : '预备党员';
      case 'positions': return r.positions.map((p: Position) => POSITIONS[p]).join('、');
      case 'joinedOn': return r.joinedOn ?? null;
      default: return r[f];
    }
  });
}

/** A sheet with the standard headers on row `headerRow` and the given data rows below it. */
export function rosterSheet(data: Cell[][], header: Cell[] = Object.values(ROSTER_FIELDS), headerRow = 1): RosterSheet {
  const rows: GridRow[] = data.map((cells, i) => ({ rowNumber: headerRow + 1 + i, cells }));
  return { header: { rowNumber: headerRow, cells: header }, rows };
}
