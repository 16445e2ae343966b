/**
 * What gives 州审计局党支部's 2023 summary its substance, as records: the areas, campaigns and
 * results of its activities, its 我为群众办实事 projects with their 群众评议, its 整改清单, its
 * honour, and the 州直机关党委's own work. The facts are those of seed 003 (2023年基层支部党建
 * 工作总结); the wording is ours. Pure and deterministic, and uses no PRNG, so the other demo
 * records stay exactly as they were.
 */
import type { Activity, SummaryArea } from '../../domain/activity/activity.ts';
import type { Campaign } from '../../domain/campaign/campaign.ts';
import type { Honour } from '../../domain/honour/honour.ts';
import type { Partner } from '../../domain/partner/partner.ts';
import type { RectificationItem } from '../../domain/rectification/rectification.ts';
import type { ServiceEvaluation, ServiceProject } from '../../domain/service-project/service-project.ts';
import { seededUuid } from './demo-rng.ts';

export interface DemoSubstance {
  campaigns: Campaign[];
  serviceProjects: Array<ServiceProject & { evaluationToken: string }>;
  evaluations: Array<ServiceEvaluation & { deviceKey: string }>;
  rectificationItems: RectificationItem[];
  partners: Partner[];
  honours: Honour[];
  /** Activities added (records without attendance: no count of the seed changes). */
  activities: Activity[];
}

interface Tag { area?: SummaryArea; campaign?: string; result?: string; highlight?: boolean; partner?: string }

/**
 * Tags 2023 activities of the audit branch (by date and title) and returns the substance records.
 * `activities` are changed in place: area, campaign, result, highlight.
 */
export function auditSubstance(seed: string, auditOrgId: string, committeeOrgId: string, activities: Activity[]): DemoSubstance {
  const id = (key: string) => seededUuid(seed, `substance:${key}`);
  const c = (key: string, x: Omit<Campaign, 'id' | 'orgId'>): Campaign => ({ id: id(`campaign:${key}`), orgId: auditOrgId, ...x });
  const campaigns = [
    c('20th', { kind: 'other', name: '学习宣传贯彻党的二十大精神', area: 'theory', from: '2023-01-01', to: '2023-12-31',
      result: '以专题学习、党课讲授、党员培训、基层宣讲、典型宣传五种方式推进，党的二十大精神宣讲做到全覆盖' }),
    c('theme', { kind: 'themeEducation', name: '学习贯彻习近平新时代中国特色社会主义思想主题教育', area: 'theory', from: '2023-04-04', to: '2024-01-31',
      result: '按照每月支委会、党员大会、主题党日的学习重点推进，把学习成效落到审计工作质效上' }),
    c('lying', { kind: 'specialRectification', name: '“躺平式”干部专项整治', area: 'conduct', from: '2023-07-04', to: '2023-12-31',
      result: '建立“躺平式”干部评价指标和测评表，测评推选出“实干型”干部6名，认定“躺平式”干部1名' }),
    c('eight', { kind: 'discussion', name: '“八破八立”解放思想大讨论', area: 'conduct', from: '2023-06-02', to: '2023-10-31',
      result: '行动计划分3个阶段细化8项措施，围绕考核位次和项目质量绘就2项目标蓝图、列出27项工作清单' }),
    c('clean', { kind: 'creation', name: '“清廉机关”创建', area: 'conduct', from: '2023-02-03', to: '2023-12-31',
      result: '廉洁文化进机关、进家庭、进审计组常态开展，培育审计特色的党建品牌' }),
  ];
  const cid = (key: string) => campaigns.find((x) => x.id === id(`campaign:${key}`))!.id;

  const tags: Record<string, Tag> = {
    '2023-02-10|学习党的二十大报告主题党日': { campaign: '20th' },
    '2023-02-24|集中学习党的二十大报告': { campaign: '20th' },
    '2023-03-24|学习宣传贯彻党的二十大精神专题党课': { campaign: '20th' },
    '2023-11-03|学习贯彻党的二十大精神知识测试': { campaign: '20th', result: '检验党员学习党的二十大精神的成效' },
    '2023-04-26|“我为发展献一策”征集交流会': { area: 'integration', campaign: 'theme', result: '围绕审计改革发展重点任务形成“我为发展献一策”计划5条' },
    '2023-05-24|“为民服务办实事”项目推进会': { area: 'service', campaign: 'theme', result: '依据年度民生领域审计项目计划确定“为民服务办实事”计划5条' },
    '2023-05-26|以学铸魂 以学增智 以学正风 以学促干': { campaign: 'theme' },
    '2023-10-31|主题教育检视整改情况通报会': { campaign: 'theme', result: '通报5个方面突出问题的整改措施和进展' },
    '2023-11-10|主题教育专题学习研讨主题党日': { campaign: 'theme' },
    '2023-07-21|牢记初心使命 做敢于担当的新时代审计人': { campaign: 'lying', highlight: true, result: '剖析“不愿担当”“不敢担当”“不善担当”3种情形12种表现，引导干部拒当“躺平”干部、争做新时代“奋进者”' },
    '2023-07-26|“躺平式”干部专项整治动员部署会': { campaign: 'lying', result: '印发专项整治工作方案，细化问题清单、责任清单、整改清单' },
    '2023-06-14|“八破八立”解放思想大讨论第一次集中研讨': { campaign: 'eight', result: '干部职工对照“八个是否”自己找、领导点、互相提，查找不想担当、不善担当、不敢担当等问题85条' },
    '2023-08-16|“八破八立”解放思想大讨论第二次集中研讨': { campaign: 'eight', result: '对查找出的问题分类制定整改措施92条' },
    '2023-02-23|“清廉机关”创建工作推进会': { campaign: 'clean', highlight: true, result: '建强线下廉政宣传栏、做优公众号和机关内网等网上阵地，讲好审计家风故事和廉洁故事' },
    '2023-10-10|“弘扬清廉家风 助推廉洁审计”主题党日': { campaign: 'clean' },
    '2023-10-18|签订助廉承诺书暨廉政家访活动': { campaign: 'clean', result: '党员干部签订助廉承诺书，对党员家庭开展廉政家访' },
    '2023-11-02|“读一本清廉书籍”读书分享会': { campaign: 'clean', result: '以阅读清廉书籍带动良好家教家风' },
    '2023-08-10|参观州廉政教育基地': { area: 'conduct' },
    '2023-01-19|支部规范化建设达标创建自查': { area: 'organization', result: '对照达标创建标准逐项自查，查找的问题纳入整改清单' },
    '2023-03-29|意识形态工作专题研判': { area: 'ideology', result: '落实支部书记意识形态工作第一责任人责任，分析研判本单位意识形态领域情况' },
    '2023-09-20|群众评议机关作风活动部署会': { area: 'conduct', result: '在办公楼、公众号和网站公开评议二维码，专人核实处置平台留言，办结留言事项34件，均为满意件' },
  };
  for (const a of activities) {
    if (a.orgId !== auditOrgId) continue;
    const t = tags[`${a.date}|${a.title}`];
    if (!t) continue;
    if (t.area) a.area = t.area;
    if (t.campaign) a.campaignId = cid(t.campaign);
    if (t.result) a.result = t.result;
    if (t.highlight) a.highlight = true;
  }

  // Work of the bureau's cadre management that the seed reports under its fourth section, as records of their own.
  const base = { orgId: auditOrgId, kind: 'other' as const, location: '局机关三楼会议室', chairMemberId: null, lecturerMemberId: null, lecturerName: null, minutes: null, agendaItems: [], attendance: [], nonMemberParticipants: 0, studyHours: 0 };
  const added: Activity[] = [
    { ...base, id: id('activity:assessment'), date: '2023-03-08', title: '制定2023年度综合考核办法', area: 'integration', result: '结合实际细化考核指标和评分标准，树立奖优罚劣导向' },
    { ...base, id: id('activity:political-files'), date: '2023-05-12', title: '建立优秀年轻干部政治素质档案', area: 'integration', result: '围绕政治素质正负向20项指标收集廉洁自律意见、政治表现证明等材料，建档54册' },
    { ...base, id: id('activity:young-cadres'), date: '2023-09-12', title: '优秀年轻干部培养选拔', area: 'integration', result: '提任科级年轻干部3名（其中90后2名），优秀年轻干部库纳入80后6名、90后5名' },
  ];
  // The 党委's own work in 2023 (党委会, 述职评议, 指导检查): records without attendance.
  const cbase = { ...base, orgId: committeeOrgId, location: '州直机关工委会议室' };
  const committeeActs: Activity[] = [
    ...['2023-01-12', '2023-04-11', '2023-07-11', '2023-10-10'].map((date, i): Activity => ({ ...cbase, id: id(`activity:committee:${date}`), kind: 'partyCommitteeMeeting', date, title: `2023年第${i + 1}次党委会议` })),
    { ...cbase, id: id('activity:committee:appraisal'), kind: 'dutyReportAppraisal', date: '2023-01-18', title: '2022年度党支部书记抓基层党建工作述职评议', result: '对各党支部书记逐一点评，反馈问题纳入整改清单' },
    { ...cbase, id: id('activity:committee:review'), kind: 'guidanceInspection', date: '2023-07-20', title: '党建重点工作综合调研暨规范化建设达标创建“回头看”' },
    { ...cbase, id: id('activity:committee:theme'), kind: 'guidanceInspection', date: '2023-10-17', title: '主题教育巡回指导' },
  ];

  const p = (key: string, x: Omit<ServiceProject, 'id' | 'orgId' | 'campaignId' | 'needSource' | 'startedOn'>) => ({
    id: id(`project:${key}`), orgId: auditOrgId, campaignId: cid('theme'), needSource: 'work' as const, startedOn: '2023-05-24', evaluationToken: `demo-${key}-${id(`token:${key}`).slice(0, 8)}`, ...x,
  });
  const serviceProjects = [
    p('subsidy', { title: '审计惠民惠农财政补贴资金发放情况', responsible: '农业农村审计科', deadline: '2023-09-30', status: 'done', doneOn: '2023-09-22', peopleServed: null, result: '推动补贴资金按标准及时足额发放' }),
    p('housing', { title: '跟踪审计保障性安居工程建设进度', responsible: '固定资产投资审计科', deadline: '2023-10-31', status: 'done', doneOn: '2023-10-26', peopleServed: null, result: null }),
    p('meals', { title: '审计农村义务教育学生营养改善计划资金', responsible: '社会保障审计科', deadline: '2023-08-31', status: 'done', doneOn: '2023-08-25', peopleServed: null, result: null }),
    p('water', { title: '审计农村饮水安全工程建设和管护情况', responsible: '资源环境审计科', deadline: '2023-12-31', status: 'inProgress', doneOn: null, peopleServed: null, result: null }),
    p('jobs', { title: '审计就业补助资金使用情况', responsible: '社会保障审计科', deadline: '2023-12-15', status: 'inProgress', doneOn: null, peopleServed: null, result: null }),
  ];
  const ratings: Array<[string, ServiceEvaluation['rating'][], string]> = [
    ['subsidy', ['satisfied', 'satisfied', 'satisfied', 'satisfied', 'basicallySatisfied', 'satisfied'], '2023-09-26'],
    ['housing', ['satisfied', 'satisfied', 'basicallySatisfied', 'satisfied'], '2023-10-30'],
    ['meals', ['satisfied', 'satisfied', 'satisfied', 'basicallySatisfied', 'satisfied'], '2023-08-30'],
  ];
  const evaluations = ratings.flatMap(([key, rs, date]) => rs.map((rating, i) => ({
    id: id(`evaluation:${key}:${i}`), projectId: id(`project:${key}`), rating, comment: null, date, deviceKey: id(`device:${key}:${i}`),
  })));

  const r = (key: string, x: Omit<RectificationItem, 'id' | 'orgId'>): RectificationItem => ({ id: id(`rectification:${key}`), orgId: auditOrgId, ...x });
  const supervision = { source: 'superiorSupervision' as const, campaignId: null, responsible: '支部书记' };
  const theme = { source: 'selfInspection' as const, campaignId: cid('theme'), foundOn: '2023-10-20', deadline: '2023-12-31', status: 'open' as const, evidence: null, closedOn: null, responsible: '支部委员会' };
  const rectificationItems = [
    r('appraisal-1', { ...supervision, problem: '党建工作与审计业务结合不够紧密', foundOn: '2023-01-18', measures: '把党建工作要求写进审计项目实施方案，审计组同步开展学习', deadline: '2023-06-30', status: 'closed', evidence: '审计项目实施方案及审计组学习记录', closedOn: '2023-06-20' }),
    r('appraisal-2', { ...supervision, problem: '党员教育管理方式较为单一', foundOn: '2023-01-18', measures: '增加审计现场学习和线上学习，建立党员学习台账', deadline: '2023-06-30', status: 'closed', evidence: '党员学习台账', closedOn: '2023-06-27' }),
    r('review-1', { ...supervision, problem: '支部会议记录要素不够完整', foundOn: '2023-07-20', measures: '统一会议记录格式，逐月检查', deadline: '2023-09-30', status: 'closed', evidence: '整改后的会议记录本', closedOn: '2023-09-15' }),
    r('review-2', { ...supervision, problem: '党员活动室制度栏内容更新不及时', foundOn: '2023-07-20', measures: '更新制度栏并明确专人维护', deadline: '2023-08-31', status: 'closed', evidence: '更新后的制度栏照片', closedOn: '2023-08-18' }),
    r('review-3', { ...supervision, problem: '发展党员档案材料归档不及时', foundOn: '2023-07-20', measures: '逐卷清理发展党员档案，建立归档清单', deadline: '2023-09-30', status: 'closed', evidence: '发展党员档案归档清单', closedOn: '2023-09-28' }),
    r('review-4', { ...supervision, problem: '主题党日活动方案报备留痕不全', foundOn: '2023-07-20', measures: '活动方案提前报机关党委备案并存档', deadline: '2023-09-30', status: 'closed', evidence: '主题党日活动方案备案记录', closedOn: '2023-09-08' }),
    r('theme-1', { ...theme, problem: '执行上级组织决定', measures: '逐项对照上级部署建立落实台账' }),
    r('theme-2', { ...theme, problem: '严格组织生活', measures: '组织生活计划按月公开、按期召开' }),
    r('theme-3', { ...theme, problem: '加强党员教育管理', measures: '为每名党员建立学习档案' }),
    r('theme-4', { ...theme, problem: '联系服务群众', measures: '结合审计项目开展走访，建立群众诉求清单' }),
    r('theme-5', { ...theme, problem: '抓好自身建设', measures: '支委会每季度专题研究支部建设' }),
  ];

  const honours: Honour[] = [
    { id: id('honour:clean-organ'), orgId: auditOrgId, title: '首批州直机关“清廉机关”示范单位', awardedBy: '州直机关工委', date: '2023-10-25', recipient: 'organization', memberId: null },
  ];
  return { campaigns, serviceProjects, evaluations, rectificationItems, partners: [], honours, activities: [...added, ...committeeActs] };
}
