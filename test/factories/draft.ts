/**
 * Draft documents for renderer tests, built directly as document models (the composer has its
 * own tests). `makeDraft` is a short summary with one block of each kind; `makeLongDraft` is a
 * multi-page one with headings at all four levels, numbers bound to facts, and a sign-off.
 */
import type { Block, DraftDocument, Inline } from '../../src/domain/report/document.ts';
import { headingMarker } from '../../src/domain/report/document.ts';
import type { FactKey, SourceRef } from '../../src/domain/stats/facts.ts';
import { nextId } from './records.ts';

/** Plain text inline. */
export function text(t: string): Inline {
  return { type: 'text', text: t };
}

/** A number inline bound to `factKey`, with `sourceCount` activity sources (fresh ids). */
export function num(factKey: FactKey, value: number, unit: string, sourceCount = 2): Inline {
  const sources: SourceRef[] = Array.from({ length: sourceCount }, () => ({ type: 'activity', id: nextId() }));
  return { type: 'number', factKey, value, text: String(value), unit, sources };
}

let blockSeq = 0;
function bid(prefix: string): string {
  blockSeq++;
  return `${prefix}-${blockSeq}`;
}

/** A paragraph block. */
export function para(...inlines: Inline[]): Block {
  return { type: 'paragraph', id: bid('p'), inlines };
}

/** A heading block with its marker for `level` and ordinal `n` (DOC-10). */
export function heading(level: 1 | 2 | 3 | 4, n: number, t: string): Block {
  return { type: 'heading', id: bid('h'), level, marker: headingMarker(level, n), text: t };
}

/** A short quarterly draft: title, opening, one heading per level, two numbers, sign-off. */
export function makeDraft(over: Partial<DraftDocument> = {}): DraftDocument {
  const orgName = over.orgName ?? '州审计局党支部';
  const title = over.title ?? `${orgName}2023年第三季度工作情况报告`;
  return {
    kind: 'quarterly',
    title,
    orgId: nextId(),
    orgName,
    period: { kind: 'quarter', year: 2023, quarter: 3, from: '2023-07-01', to: '2023-09-30' },
    blocks: [
      { type: 'title', text: title },
      para(text('第三季度，支部在局党组的领导下，围绕中心工作抓党建，现将本季度工作报告如下：')),
      heading(1, 1, '主要工作和成效'),
      heading(2, 1, '加强理论学习'),
      para(text('本季度召开支部委员会会议'), num('activities.branchCommitteeMeeting', 3, '次'), text('，组织集中学习'), num('studySessions', 9, '次', 3), text('。')),
      heading(3, 1, '落实“三会一课”'),
      heading(4, 1, '党员大会'),
      para(text('按期召开党员大会，讨论支部重要事项。')),
      { type: 'signoff', orgName, date: '2023-10-08', dateText: '2023年10月8日' },
    ],
    couldBeAdded: [{ factKey: null, text: '可补充本季度“我为群众办实事”项目数' }],
    ...over,
  };
}

// Sentences of the genre, our own wording, without numbers: the layout test measures full lines
// of full-width characters, and digits are half-width.
const SENTENCES = [
  '支部坚持把政治建设摆在首位，认真落实“第一议题”制度，及时传达学习党中央重大决策部署。',
  '围绕全面从严治党要求，严格执行“三会一课”制度，组织生活的规范化水平持续提高。',
  '结合业务工作实际，组织党员深入基层一线开展调查研究，推动学习成果转化为工作成效。',
  '持续加强党员教育管理，落实党员积分管理办法，引导党员在本职岗位上发挥先锋模范作用。',
  '深入开展警示教育，组织观看警示教育片，筑牢党员干部拒腐防变的思想防线。',
  '扎实开展“我为群众办实事”实践活动，围绕群众急难愁盼问题解决了一批实际困难。',
  '坚持党建工作与业务工作同谋划、同部署、同推进、同考核，促进党建和业务深度融合。',
];

function longParagraph(i: number, sentences: number): Block {
  const parts: string[] = [];
  for (let k = 0; k < sentences; k++) parts.push(SENTENCES[(i + k) % SENTENCES.length]!);
  return para(text(parts.join('')));
}

/**
 * An annual summary long enough for `sections` × ~1 page: per section a level-1 heading, two
 * level-2 subsections each with a level-3 and a level-4 point, paragraphs of several sentences,
 * and one paragraph with numbers bound to facts. Ends with the sign-off.
 */
export function makeLongDraft(sections = 3, orgName = '州审计局党支部'): DraftDocument {
  const title = `${orgName}2023年度党建工作总结`;
  const blocks: Block[] = [
    { type: 'title', text: title },
    para(text('2023年，支部在局党组的正确领导下，以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，扎实开展主题教育，现将一年来的工作总结如下：')),
    // 25 characters, then a year: a renderer that breaks inside numbers splits "2023" here.
    para(text('支部把学习贯彻党的二十大精神作为首要政治任务，并自2023年1月起坚持每月开展一次专题学习，做到学有计划、学有主题、学有成效。')),
  ];
  let p = 0;
  for (let s = 1; s <= sections; s++) {
    blocks.push(heading(1, s, ['主要做法和成效', '存在的问题和不足', '下一步工作打算', '其他工作'][(s - 1) % 4]!));
    for (let sub = 1; sub <= 2; sub++) {
      blocks.push(heading(2, sub, ['以学铸魂强引领，持续深化政治建设', '以严为纲强组织，持续夯实基层基础'][sub - 1]!));
      blocks.push(longParagraph(p++, 5));
      blocks.push(heading(3, 1, '落实学习制度'));
      blocks.push(longParagraph(p++, 4));
      blocks.push(heading(4, 1, '集中学习'));
      blocks.push(para(
        text('全年召开支部委员会会议'), num('activities.branchCommitteeMeeting', 12, '次'),
        text('，召开党员大会'), num('activities.generalMembershipMeeting', 13, '次'),
        text('，开展主题党日'), num('activities.themedPartyDay', 12, '次'),
        text('，组织各类学习'), num('studySessions', 37, '次', 4),
        text('，参与'), num('studyParticipations', 301, '人次', 4), text('。'),
      ));
      blocks.push(longParagraph(p++, 6));
    }
  }
  blocks.push({ type: 'signoff', orgName, date: '2023-11-10', dateText: '2023年11月10日' });
  return {
    kind: 'annual',
    title,
    orgId: nextId(),
    orgName,
    period: { kind: 'custom', year: 2023, from: '2023-01-01', to: '2023-11-10' },
    blocks,
    couldBeAdded: [],
  };
}
