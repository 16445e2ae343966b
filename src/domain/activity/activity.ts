/**
 * Activities (组织生活 and the branch's other work): kinds, attendance and study-hour credit.
 */
import type { LocalDate } from '../common/dates.ts';

/** Activity kinds (domain.md), keyed by glossary identifiers (regulations.md §9). */
export const ACTIVITY_KINDS = {
  generalMembershipMeeting: '支部党员大会',
  branchCommitteeMeeting: '支部委员会会议',
  partySubgroupMeeting: '党小组会',
  partyLecture: '党课',
  themedPartyDay: '主题党日',
  organizationalLifeMeeting: '组织生活会',
  memberAppraisal: '民主评议党员',
  concentratedStudy: '集中学习',
  thematicStudy: '专题学习',
  centralGroupStudy: '中心组学习',
  knowledgeTest: '知识测试',
  warningEducation: '警示教育',
  heartToHeartTalk: '谈心谈话',
  volunteerService: '志愿服务',
  jointBuilding: '共建活动',
  termElection: '换届选举大会',
  /** A 党委's (党总支's) own committee meeting (党委会). */
  partyCommitteeMeeting: '党委会议',
  /** 书记抓基层党建述职评议. */
  dutyReportAppraisal: '述职评议',
  /** A committee's guidance and inspection of its branches (指导检查). */
  guidanceInspection: '指导检查',
  other: '其他',
} as const;
export type ActivityKind = keyof typeof ACTIVITY_KINDS;
export const ACTIVITY_KIND_LIST = Object.keys(ACTIVITY_KINDS) as ActivityKind[];

/**
 * Kinds that count as a study session (学习) in the summary's "开展各类学习N次": the study
 * meetings proper, Party lectures, warning education and knowledge tests. Study inside a
 * themed Party day or a meeting earns study hours but is counted with that meeting.
 */
export const STUDY_KINDS: readonly ActivityKind[] = [
  'concentratedStudy', 'thematicStudy', 'centralGroupStudy', 'partyLecture', 'warningEducation', 'knowledgeTest',
];

/**
 * 已召开 / 计划召开. A planned meeting may lie in the future and is counted nowhere (statistics,
 * checks, drafts) until the secretary records it as held; a held one cannot be in the future.
 */
export const ACTIVITY_STATUSES = { held: '已召开', planned: '计划召开' } as const;
export type ActivityStatus = keyof typeof ACTIVITY_STATUSES;

/**
 * The areas a summary reports under (report-genre.md, "Structure"): each activity can name the
 * one it serves, so that kind `other` is reported under its area instead of being dropped.
 */
export const SUMMARY_AREAS = {
  theory: '理论武装',
  organization: '组织建设',
  conduct: '作风和党风廉政',
  ideology: '意识形态',
  service: '为民服务',
  integration: '党建和业务融合',
  brand: '品牌特色',
} as const;
export type SummaryArea = keyof typeof SUMMARY_AREAS;
export const SUMMARY_AREA_LIST = Object.keys(SUMMARY_AREAS) as SummaryArea[];

/** The area an activity of each kind serves when its record names none. */
export const DEFAULT_AREA: Record<ActivityKind, SummaryArea> = {
  generalMembershipMeeting: 'organization', branchCommitteeMeeting: 'organization', partySubgroupMeeting: 'organization',
  partyLecture: 'theory', themedPartyDay: 'organization', organizationalLifeMeeting: 'organization', memberAppraisal: 'organization',
  concentratedStudy: 'theory', thematicStudy: 'theory', centralGroupStudy: 'theory', knowledgeTest: 'theory',
  warningEducation: 'conduct', heartToHeartTalk: 'conduct', volunteerService: 'service', jointBuilding: 'service',
  termElection: 'organization', partyCommitteeMeeting: 'organization', dutyReportAppraisal: 'organization',
  guidanceInspection: 'organization', other: 'organization',
};

/** The area an activity is reported under: its own, or its kind's default. */
export function areaOf(a: Pick<Activity, 'kind' | 'area'>): SummaryArea {
  return a.area ?? DEFAULT_AREA[a.kind];
}

/** 出席 / 请假 / 缺席 */
export type AttendanceStatus = 'present' | 'excused' | 'absent';
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { present: '出席', excused: '请假', absent: '缺席' };

export interface Attendance {
  memberId: string;
  status: AttendanceStatus;
  /** Required for `excused` and `absent`. */
  reason: string | null;
}

export interface AgendaItem {
  title: string;
  /** 第一议题: the opening study of the General Secretary's latest speeches. */
  isFirstAgendaItem: boolean;
}

export interface Activity {
  id: string;
  orgId: string;
  kind: ActivityKind;
  /** Absent means 'held' (records from before statuses existed, imports, the demo). */
  status?: ActivityStatus;
  date: LocalDate;
  title: string;
  location: string | null;
  /** Member who chaired (主持人). */
  chairMemberId: string | null;
  /** 党课 lecturer: a member of the system, or only a name for an outside lecturer. */
  lecturerMemberId: string | null;
  lecturerName: string | null;
  agendaItems: AgendaItem[];
  minutes: string | null;
  attendance: Attendance[];
  /** Non-member participants (群众), as a count. */
  nonMemberParticipants: number;
  /** 学时 credited to each member present. */
  studyHours: number;
  /** The summary area it serves (absent: the kind's default, `DEFAULT_AREA`). */
  area?: SummaryArea | null;
  /** The campaign (主题教育, 专项整治 …) it belongs to. */
  campaignId?: string | null;
  /** The 结对共建 partner it was held with. */
  partnerId?: string | null;
  /** One-line result (成效), stated after the activity in the summary. */
  result?: string | null;
  /** Marked as a highlight (亮点) of the year. */
  highlight?: boolean;
}

/** People who took part: members present plus non-member participants (人次 for one activity). */
export function participationCount(a: Pick<Activity, 'attendance' | 'nonMemberParticipants'>): number {
  return a.attendance.filter((x) => x.status === 'present').length + a.nonMemberParticipants;
}
