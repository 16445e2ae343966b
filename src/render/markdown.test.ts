import { describe, expect, it } from 'vitest';

import { heading, makeDraft, num, para, text } from '../../test/factories/draft.ts';
import { renderMarkdown } from './markdown.ts';

const S = '\u3000';

describe('renderMarkdown', () => {
  it('renders the whole draft: title, headings with their markers, numbers with units, right-aligned sign-off', () => {
    expect(renderMarkdown(makeDraft())).toBe([
      '# 州审计局党支部2023年第三季度工作情况报告',
      '',
      '第三季度，支部在局党组的领导下，围绕中心工作抓党建，现将本季度工作报告如下：',
      '',
      '## 一、主要工作和成效',
      '',
      '### （一）加强理论学习',
      '',
      '本季度召开支部委员会会议3次，组织集中学习9次。',
      '',
      '#### 1.落实“三会一课”',
      '',
      '##### （1）党员大会',
      '',
      '按期召开党员大会，讨论支部重要事项。',
      '',
      // 28-character line: the name (7) 2 in from the right, the date (6.5) starting 2 right of it.
      `${S.repeat(19)}州审计局党支部  `,
      `${S.repeat(21)}2023年10月8日`,
      '',
    ].join('\n'));
  });

  it('puts 第一部分 lines at ## and headings one level deeper when the draft has parts', () => {
    const doc = makeDraft({
      blocks: [
        { type: 'title', text: '某党支部2023年工作总结及2024年工作计划' },
        { type: 'part', id: 'part-1', text: '第一部分　2023年工作总结' },
        heading(1, 1, '主要做法'),
        { type: 'part', id: 'part-2', text: '第二部分　2024年工作计划' },
        heading(1, 1, '总体思路'),
      ],
    });
    expect(renderMarkdown(doc).split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# 某党支部2023年工作总结及2024年工作计划',
      '## 第一部分　2023年工作总结',
      '### 一、主要做法',
      '## 第二部分　2024年工作计划',
      '### 一、总体思路',
    ]);
  });

  it('escapes text that Markdown would read as markup', () => {
    const doc = makeDraft({ blocks: [para(text('1. 开展*专题*学习'), num('studySessions', 4, '次')), para(text('# 不是标题'))] });
    expect(renderMarkdown(doc)).toBe('1\\. 开展\\*专题\\*学习4次\n\n\\# 不是标题\n');
  });

  it('never writes the could-be-added list or any placeholder into the text', () => {
    const md = renderMarkdown(makeDraft());
    expect(md).not.toContain('可补充');
    expect(md).not.toMatch(/X次|XX|××/);
  });
});
