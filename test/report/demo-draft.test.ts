/**
 * The demo branch's 2023 draft (2023-01-01 to 11-10) tells seed 003's story: as long as a real
 * summary, the seed's initiatives under the right sections with the seed's numbers, every
 * sentence bound to records or marked as a themes line, and no person named.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ORG_NAMES } from '../../src/app/demo/demo-data.ts';
import { inlineText, toPlainText, type Block, type DraftDocument } from '../../src/domain/report/document.ts';
import { demoData, demoDraft } from '../factories/demo-draft.ts';

/** The text of each level-2 subsection of 一、, keyed by its marker. */
function subsections(doc: DraftDocument): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | null = null;
  for (const b of doc.blocks) {
    if (b.type === 'heading' && b.level === 1 && b.id !== 'results') current = null;
    else if (b.type === 'heading' && b.level === 2 && b.id.startsWith('results-')) { current = b.marker + b.text; out.set(current, ''); }
    else if (b.type === 'paragraph' && current) out.set(current, out.get(current)! + inlineText(b.inlines));
  }
  return out;
}

function assertBound(doc: DraftDocument): void {
  for (const b of doc.blocks.filter((x): x is Extract<Block, { type: 'paragraph' }> => x.type === 'paragraph')) {
    expect(b.sentences, b.id).toBeDefined();
    expect(b.sentences!.map((s) => s.text).join(''), b.id).toBe(inlineText(b.inlines));
    for (const s of b.sentences!) {
      if (s.binding.kind === 'records') expect(s.binding.sources.length, s.text).toBeGreaterThan(0);
      else expect(s.binding.key, s.text).not.toBe('unbound');
    }
    for (const n of b.inlines) if (n.type === 'number') expect(n.sources.length, `${n.factKey} in ${b.id}`).toBeGreaterThan(0);
  }
}

describe('the demo branch’s 2023 draft', () => {
  const { draft } = demoDraft(DEMO_ORG_NAMES.audit);
  const text = toPlainText(draft);
  const subs = subsections(draft);
  const section = (word: string) => [...subs.entries()].find(([h]) => h.includes(word))?.[1] ?? '';

  it('runs 3,000 characters or more', () => {
    expect(text.replace(/\s/g, '').length).toBeGreaterThanOrEqual(3000);
  });

  it('names the seed’s initiatives under the right sections', () => {
    expect([...subs.keys()].map((h) => h.slice(0, 3))).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）']);
    for (const w of ['学习宣传贯彻党的二十大精神', '主题教育', '意识形态工作专题研判', '第一议题', '牢记初心使命 做敢于担当的新时代审计人']) expect(section('理论武装')).toContain(w);
    for (const w of ['三会一课', '主题党日', '整改清单', '对账销号', '支部规范化建设达标创建自查', '发展党员']) expect(section('组织生活')).toContain(w);
    for (const w of ['躺平式', '八破八立', '清廉机关', '廉政家访', '群众评议机关作风']) expect(section('作风建设')).toContain(w);
    for (const w of ['我为群众办实事', '志愿服务']) expect(section('为民宗旨')).toContain(w);
    for (const w of ['政治素质档案', '综合考核办法', '年轻干部']) expect(section('业务融合')).toContain(w);
    expect(section('特色亮点')).toContain('‘清廉机关’示范单位');
  });

  it('states the seed’s numbers', () => {
    for (const s of [
      '支部委员会会议12次', '支部党员大会13次', '主题党日活动12次', '各类学习37次', '参与301人次', '志愿服务77次', '参与224人次',
      '其中党员211人次、群众13人次', '接收预备党员1名', '1名预备党员转为正式党员', '32685.50元', '85条', '92条', '“实干型”干部6名',
      '34件', '计划5条', '办实事项目5项', '5个方面', '3个阶段', '27项工作清单', '54册', '3种情形12种表现',
    ]) expect(text).toContain(s);
    expect(text).not.toContain('34864.15');
    expect(text).toContain('截至11月10日');
  });

  it('binds every sentence to records or marks it as a themes line', () => {
    assertBound(draft);
  });

  it('names no person', () => {
    for (const m of demoData().members) expect(text, m.name).not.toContain(m.name);
  });

  it('a 党委 summary adds its own work and names its branches’ highlights with the branch', () => {
    const c = demoDraft(DEMO_ORG_NAMES.committee).draft;
    const t = toPlainText(c);
    expect(t).toMatch(/召开党委会议4次、开展书记抓基层党建述职评议1次、到所属党组织指导检查2次/);
    expect(t).toContain('州审计局党支部开展“‘清廉机关’创建工作推进会”');
    assertBound(c);
    for (const m of demoData().members) expect(t, m.name).not.toContain(m.name);
  });
});
