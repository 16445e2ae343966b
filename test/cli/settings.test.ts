/** `zhibu settings` end to end on the demo data: set at the 党委, inherited by a branch, bad input refused, reset. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_NAMES } from '../../src/app/demo/demo-data.ts';
import { main } from '../../src/cli/main.ts';

async function zhibu(dataDir: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'zhibu', '--data-dir', dataDir, ...args], (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('zhibu settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhibu-settings-'));
  const dataDir = join(dir, 'data');
  beforeAll(async () => {
    expect((await zhibu(dataDir, 'demo')).code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets at the 党委, shows the branch inheriting it, resets', async () => {
    const set = await zhibu(dataDir, 'settings', 'set', '--org', DEMO_ORG_NAMES.committee, 'partyLectureFrequency=yearly', 'leaderStudyHoursMinimum=null');
    expect(set.code, set.err).toBe(0);
    const show = await zhibu(dataDir, 'settings', 'show', '--org', DEMO_ORG_NAMES.finance);
    expect(show.out).toContain(`partyLectureFrequency = "yearly"  党课频次  [继承自 ${DEMO_ORG_NAMES.committee}]`);
    expect(show.out).toContain('leaderStudyHoursMinimum = null');
    expect(show.out).toContain('studyHoursMinimum = 32  党员年度学习学时  [默认]');

    const reset = await zhibu(dataDir, 'settings', 'reset', '--org', DEMO_ORG_NAMES.committee, 'partyLectureFrequency');
    expect(reset.code).toBe(0);
    expect(reset.out).toContain('partyLectureFrequency = "quarterly"  党课频次  [默认]');
    expect(reset.out).toContain('[本组织设置]');
  }, 60_000);

  it('refuses an unknown key and a bad value, naming them, and changes nothing', async () => {
    const badKey = await zhibu(dataDir, 'settings', 'set', '--org', DEMO_ORG_NAMES.finance, 'lectures=yearly');
    expect(badKey.code).not.toBe(0);
    expect(badKey.err).toContain('没有名为 lectures 的设置项');
    const badValue = await zhibu(dataDir, 'settings', 'set', '--org', DEMO_ORG_NAMES.finance, 'studyHoursMinimum=32', 'talkCoverage=often');
    expect(badValue.code).not.toBe(0);
    expect(badValue.err).toContain('谈心谈话覆盖要求（talkCoverage）');
    const show = await zhibu(dataDir, 'settings', 'show', '--org', DEMO_ORG_NAMES.finance);
    expect(show.out).not.toContain('[本组织设置]');
  }, 60_000);
});
