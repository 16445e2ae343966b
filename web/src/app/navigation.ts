/**
 * The shell's navigation as data: the sections (menu on a desktop, bottom tab bar on a phone)
 * and the breadcrumbs of a path, with the parent a detail page's back link leads to.
 */

export interface Section {
  key: string;
  label: string;
  /** Shown only to these roles (all managers when absent). */
  roles?: readonly string[];
}

export const SECTIONS: readonly Section[] = [
  { key: '/dashboard', label: '概览' },
  { key: '/members', label: '党员' },
  { key: '/activities', label: '组织生活' },
  { key: '/summary', label: '工作总结' },
  { key: '/documents', label: '总结审校' },
  { key: '/compliance', label: '合规提醒' },
  { key: '/development', label: '发展党员' },
  { key: '/dues', label: '党费' },
  { key: '/recycle-bin', label: '回收站' },
  { key: '/accounts', label: '账号管理', roles: ['admin'] },
  { key: '/personal-data-log', label: '访问日志', roles: ['admin'] },
];

/** The sections a role sees. */
export function sectionsFor(role: string | undefined): Section[] {
  return SECTIONS.filter((s) => !s.roles || (role !== undefined && s.roles.includes(role)));
}

/** The phone's bottom tab bar: these sections, then 更多 with all of them. */
export const TAB_BAR_KEYS = ['/dashboard', '/members', '/activities', '/dues'] as const;

/** The section a path belongs to ('/dashboard' for anything else). */
export function sectionOf(pathname: string): string {
  return SECTIONS.find((s) => pathname === s.key || pathname.startsWith(`${s.key}/`))?.key ?? '/dashboard';
}

export interface Crumb {
  label: string;
  /** Where the crumb links (absent for the current page). */
  to?: string;
}

const DETAIL_LABELS: Record<string, string> = {
  '/activities': '活动详情', '/members': '党员详情', '/summary': '总结草稿', '/development': '发展对象', '/accounts': '账号',
};
const CHILD_LABELS: Record<string, string> = { new: '新增', edit: '修改' };

/**
 * Breadcrumbs of `pathname`: the section, then a detail page, then a child (新增/修改). E.g.
 * /activities/42/edit → 组织生活 › 活动详情 › 修改. `/activities/new` reads 组织生活 › 登记活动.
 */
export function crumbsFor(pathname: string): Crumb[] {
  const key = sectionOf(pathname);
  const section = SECTIONS.find((s) => s.key === key)!;
  const rest = pathname.startsWith(key) ? pathname.slice(key.length).split('/').filter(Boolean) : [];
  if (rest.length === 0) return [{ label: section.label }];
  const out: Crumb[] = [{ label: section.label, to: key }];
  if (rest[0] === 'new') return [...out, { label: key === '/activities' ? '登记活动' : '新增' }];
  const detail = `${key}/${rest[0]}`;
  if (rest.length === 1) return [...out, { label: DETAIL_LABELS[key] ?? '详情' }];
  return [...out, { label: DETAIL_LABELS[key] ?? '详情', to: detail }, { label: CHILD_LABELS[rest[1]!] ?? rest[1]! }];
}

/** The back link of a detail page: its parent crumb, or null on a section's own page. */
export function backLinkOf(pathname: string): Crumb | null {
  const crumbs = crumbsFor(pathname);
  return crumbs.length > 1 ? crumbs[crumbs.length - 2]! : null;
}
