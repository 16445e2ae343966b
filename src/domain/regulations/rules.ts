/**
 * The rule table (regulations.md) as data: every rule the engine checks or computes, with its
 * citation, the source confidence (H/M/L) and the severity its wording calls for
 * ("一般" → warning; "应当/必须" → error; rules resting on L sources stay warnings).
 * Rule ids not listed here are not implemented; docs/rules.md says why for each.
 */

/** H: wording seen verbatim; M: secondary sources agree; L: one secondary source (regulations.md). */
export type Confidence = 'H' | 'M' | 'L';

export interface RuleDef {
  id: string;
  /** Short Chinese title, used in messages and on the rules page. */
  title: string;
  /** Regulation and article, as a secretary would cite it. */
  citation: string;
  confidence: Confidence;
  severity: 'error' | 'warning';
}

const ZHANGCHENG = '《中国共产党章程》';
const ZHIBU = '《中国共产党支部工作条例（试行）》';
const XIZE = '《中国共产党发展党员工作细则》';
const DANGFEI = '《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）';
const JIAOYU = '《中国共产党党员教育管理工作条例》';
const XUANJU = '《中国共产党基层组织选举工作条例》';

function r(id: string, title: string, citation: string, confidence: Confidence, severity: 'error' | 'warning'): RuleDef {
  return { id, title, citation, confidence, severity };
}

/** Every implemented rule, keyed by its id in regulations.md. */
export const RULES = {
  'PC-02': r('PC-02', '两名正式党员作入党介绍人，预备期一年', `${ZHANGCHENG}第五条`, 'M', 'error'),
  'PC-03': r('PC-03', '预备期从支部大会通过之日算起，延长不超过一年', `${ZHANGCHENG}第七条`, 'M', 'error'),
  'PC-04': r('PC-04', '连续六个月不参加组织生活、不交纳党费或不做党分配的工作，按自行脱党处理', `${ZHANGCHENG}第九条`, 'H', 'error'),
  'PC-06': r('PC-06', '基层委员会、总支部委员会、支部委员会每届任期三年至五年', `${ZHANGCHENG}第三十一条`, 'M', 'error'),
  'BR-01': r('BR-01', '有正式党员3人以上的应当成立党支部', `${ZHIBU}第四条`, 'H', 'warning'),
  'BR-02': r('BR-02', '党支部党员人数一般不超过50人', `${ZHIBU}第四条`, 'H', 'warning'),
  'BR-03': r('BR-03', '正式党员不足3人的单位成立联合党支部，覆盖单位一般不超过5个', `${ZHIBU}第五条`, 'H', 'warning'),
  'BR-06': r('BR-06', '党员大会一般每季度召开1次', `${ZHIBU}第十一条`, 'H', 'warning'),
  'BR-08': r('BR-08', '表决须半数以上有表决权的党员到会，赞成人数超过应到会有表决权党员的半数为通过', `${ZHIBU}第十一条`, 'H', 'error'),
  'BR-09': r('BR-09', '支部委员会会议一般每月召开1次，须有半数以上委员到会', `${ZHIBU}第十二条`, 'H', 'warning'),
  'BR-10': r('BR-10', '党小组会一般每月召开1次', `${ZHIBU}第十三条`, 'H', 'warning'),
  'BR-12': r('BR-12', '党员按期上党课；党委书记每年至少讲1次党课', `${ZHIBU}第十六条`, 'M', 'warning'),
  'BR-13': r('BR-13', '每月相对固定1天开展主题党日', `${ZHIBU}第十六条；${JIAOYU}第十六条`, 'H', 'error'),
  'BR-14': r('BR-14', '每年至少召开1次组织生活会，一般安排在第四季度', `${ZHIBU}第十七条；${JIAOYU}第十七条`, 'H', 'error'),
  'BR-15': r('BR-15', '一般每年开展1次民主评议党员', `${ZHIBU}第十八条；${JIAOYU}第十八条`, 'H', 'warning'),
  'BR-16': r('BR-16', '谈心谈话每年一般不少于1次', `${ZHIBU}第十九条`, 'M', 'warning'),
  'BR-17': r('BR-17', '有正式党员7人以上的党支部应当设立支部委员会，由3至5人组成，一般不超过7人', `${ZHIBU}第二十条`, 'H', 'error'),
  'BR-18': r('BR-18', '正式党员不足7人的党支部不设支部委员会，设1名书记，必要时设1名副书记', `${ZHIBU}第二十条`, 'H', 'warning'),
  'BR-19': r('BR-19', '村、社区党支部委员会每届任期5年，其他一般3年', `${ZHIBU}第二十一条`, 'M', 'warning'),
  'DEV-01': r('DEV-01', '入党申请人应当年满十八岁', `${XIZE}第五条；${ZHANGCHENG}第一条`, 'H', 'error'),
  'DEV-03': r('DEV-03', '党组织应当在一个月内派人同入党申请人谈话', `${XIZE}第七条`, 'H', 'error'),
  'DEV-04': r('DEV-04', '确定入党积极分子（地方规定：递交申请后满一定期限）', `${XIZE}第八条（等待期为地方规定）`, 'L', 'warning'),
  'DEV-05': r('DEV-05', '指定一至两名正式党员作培养联系人', `${XIZE}第九条`, 'M', 'warning'),
  'DEV-06': r('DEV-06', '党支部每半年对入党积极分子进行一次考察', `${XIZE}第十一条`, 'M', 'warning'),
  'DEV-08': r('DEV-08', '经过一年以上培养教育和考察方可列为发展对象', `${XIZE}第十三条`, 'H', 'error'),
  'DEV-09': r('DEV-09', '发展对象公示期不少于五个工作日（2026年修订，待核实）', `${XIZE}（2026年修订）第十三条`, 'L', 'warning'),
  'DEV-10': r('DEV-10', '发展对象应当有两名正式党员作入党介绍人', `${XIZE}第十四条、第十五条`, 'M', 'error'),
  'DEV-11': r('DEV-11', '未经政治审查或政治审查不合格的，不能发展入党', `${XIZE}第十六条、第十七条`, 'M', 'error'),
  'DEV-12': r('DEV-12', '发展对象集中培训一般不少于三天或二十四个学时', `${XIZE}第十八条`, 'H', 'error'),
  'DEV-13': r('DEV-13', '上级党委预审；未来三个月内将离开单位的一般不办理接收手续', `${XIZE}第十九条`, 'H', 'warning'),
  'DEV-14': r('DEV-14', '预审合格后一个月内提交支部大会讨论（2026年修订，待核实）', `${XIZE}（2026年修订）第十九条`, 'L', 'warning'),
  'DEV-15': r('DEV-15', '在入党介绍人指导下如实填写入党志愿书', `${XIZE}第二十条`, 'M', 'error'),
  'DEV-16': r('DEV-16', '支部大会讨论接收预备党员：到会和赞成人数均须超过应到会有表决权党员的半数', `${XIZE}第二十一条、第二十二条`, 'M', 'error'),
  'DEV-17': r('DEV-17', '审批前上级党委派党委委员或组织员同发展对象谈话', `${XIZE}第二十四条`, 'M', 'error'),
  'DEV-18': r('DEV-18', '上级党委应当在三个月内审批，特殊情况不得超过六个月', `${XIZE}第二十五条`, 'H', 'error'),
  'DEV-19': r('DEV-19', '入党宣誓（2026年修订：一般在审批后一个月内）', `${XIZE}第二十八条、第二十九条`, 'L', 'warning'),
  'DEV-20': r('DEV-20', '预备期一年，从支部大会通过之日算起', `${XIZE}第三十一条；${ZHANGCHENG}第七条`, 'H', 'error'),
  'DEV-21': r('DEV-21', '延长预备期不能少于半年，最长不超过一年', `${XIZE}第三十二条；${ZHANGCHENG}第七条`, 'H', 'error'),
  'DEV-22': r('DEV-22', '转正须本人书面申请，经支部大会讨论，报上级党委审批', `${XIZE}第三十二条、第三十三条`, 'M', 'error'),
  'DEV-23': r('DEV-23', '上级党委应当在三个月内审批预备党员转正', `${XIZE}第三十三条`, 'H', 'error'),
  'DEV-24': r('DEV-24', '党龄从预备期满转为正式党员之日算起', `${ZHANGCHENG}第七条`, 'M', 'error'),
  'DEV-25': r('DEV-25', '入党材料归档', `${XIZE}第三十六条`, 'M', 'warning'),
  'DUES-01': r('DUES-01', '党费计算基数为工资收入中相对固定的、经常性的部分（税后）', `${DANGFEI}第一条`, 'H', 'error'),
  'DUES-02': r('DUES-02', '在职党员按月工资收入（税后）分档全额计交党费', `${DANGFEI}第二条`, 'H', 'error'),
  'DUES-03': r('DUES-03', '年薪制党员按当月实际领取的薪酬收入计交', `${DANGFEI}第三条`, 'H', 'error'),
  'DUES-04': r('DUES-04', '没有工资收入的党员按上季度月平均纯收入计交', `${DANGFEI}第四条`, 'H', 'error'),
  'DUES-05': r('DUES-05', '离退休党员按实际领取的离退休费总额计交', `${DANGFEI}第五条`, 'H', 'error'),
  'DUES-06': r('DUES-06', '农民党员每月0.2元至1元；学生、下岗失业、低保党员每月0.2元', `${DANGFEI}第六条`, 'H', 'error'),
  'DUES-08': r('DUES-08', '预备党员从支部大会通过之日起交纳党费', `${DANGFEI}第八条`, 'H', 'error'),
  'DUES-10': r('DUES-10', '工资变动时从按新标准领取工资的当月起按新基数计交', `${DANGFEI}第十条`, 'H', 'warning'),
  'DUES-11': r('DUES-11', '每年初核定党员当年月交纳党费数额，年内一般不变动', '中央和国家机关党费收缴做法', 'M', 'warning'),
  'DUES-13': r('DUES-13', '补交党费的时间一般不得超过6个月', `${DANGFEI}第十二条`, 'H', 'warning'),
  'DUES-14': r('DUES-14', '连续6个月不交纳党费，按自行脱党处理', `${DANGFEI}第十三条；${ZHANGCHENG}第九条`, 'H', 'error'),
  'DUES-16': r('DUES-16', '“税后”指计算基数各项收入之和扣除个人所得税的余额', '中组部组织局关于党费收缴问题的问答（2008）', 'H', 'error'),
  'DUES-17': r('DUES-17', '计算基数不含个人缴纳的社会保险、住房公积金和职业年金等', '共产党员网（12371）问答', 'M', 'warning'),
  'DUES-18': r('DUES-18', '党费金额计至分，四舍五入（无全国性规定，单位可设置）', '单位设置', 'L', 'warning'),
  'EDU-03': r('EDU-03', '党员应当按期交纳党费', `${JIAOYU}第十六条`, 'H', 'error'),
  'EDU-07': r('EDU-07', '党员每年集中学习培训时间一般不少于32学时', `${JIAOYU}第二十条`, 'H', 'warning'),
  'EDU-08': r('EDU-08', '基层党组织书记和班子成员每年集中学习培训不少于56学时', '《2019—2023年全国党员教育培训工作规划》', 'M', 'warning'),
  'EDU-10': r('EDU-10', '失去联系6个月以上的停止党籍；停止党籍2年后仍无联系的予以除名', `${JIAOYU}第二十四条`, 'H', 'error'),
  'EDU-11': r('EDU-11', '外出6个月以上且地点相对固定的应当转移组织关系', `${JIAOYU}第二十五条`, 'H', 'error'),
  'EDU-14': r('EDU-14', '限期改正时间不超过1年', `${JIAOYU}第三十条`, 'H', 'error'),
  'EDU-17': r('EDU-17', '毕业生党员组织关系在学校保留一般不超过2年', `${JIAOYU}第三十四条`, 'H', 'warning'),
  'ELE-01': r('ELE-01', '任期届满应当按期换届，延期或提前一般不超过1年', `${XUANJU}第三条`, 'H', 'error'),
  'ELE-03': r('ELE-03', '预备党员和受留党察看处分期间的党员没有表决权、选举权', `${XUANJU}第五条`, 'H', 'error'),
  'ELE-05': r('ELE-05', '委员候选人差额不少于应选人数的20%', `${XUANJU}第十三条`, 'M', 'error'),
  'ELE-07': r('ELE-07', '有选举权的到会人数超过应到会人数的4/5，会议有效', `${XUANJU}第四章`, 'M', 'error'),
  'ELE-08': r('ELE-08', '赞成票超过实到会有选举权人数的一半，始得当选', `${XUANJU}第四章`, 'M', 'error'),
  'ELE-10': r('ELE-10', '基层委员会任期一般5年，总支、支部一般3年，村和社区5年', '中共中央办公厅关于党的基层组织任期的通知', 'M', 'warning'),
  'ELE-11': r('ELE-11', '任期届满前6个月提醒做好换届准备', '中共中央办公厅关于党的基层组织任期的通知', 'M', 'warning'),
  'TRF-03': r('TRF-03', '组织关系介绍信有效期一般最长不超过3个月', '组织关系转接规定（组通字〔2006〕45号等）', 'M', 'warning'),
} as const satisfies Record<string, RuleDef>;

/** Id of an implemented rule. */
export type RuleId = keyof typeof RULES;

/** All implemented rule ids, in table order. */
export const RULE_IDS = Object.keys(RULES) as RuleId[];
