/**
 * Use cases for members: masked lists, edits, the roster export, and storing members with their
 * personal data encrypted. 身份证号 and phones are never logged and never leave this layer in
 * clear. Every use case the API reaches takes the acting user and checks the scope (access.ts).
 */
import { checkIdNumber, normalizeIdNumber } from '../domain/member/id-number.ts';
import type { Member, MemberCategory, MemberStatus, Position } from '../domain/member/member.ts';
import { maskIdNumber, maskPhone } from '../domain/member/mask.ts';
import { currentMembership } from '../domain/member/membership.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { Organization } from '../domain/org/org.ts';
import type { FieldCrypto } from '../db/field-crypto.ts';
import { getMember, listMembers, type MemberFilter, type MemberListItem, type MemberRecord } from '../db/queries/member-queries.ts';
import { idNumberHashTaken, updateMemberRow, type MemberUpdate } from '../db/queries/member-update-queries.ts';
import { getOrganization } from '../db/queries/org-queries.ts';
import { writeRosterXlsx } from '../render/xlsx-roster.ts';
import { assertOrgInScope, assertRecordOrgInScope, assertRole, MANAGERS, type Actor } from './access.ts';
import type { AppContext } from './context.ts';
import { orgSubtree } from './org-service.ts';
import { LISTED_FIELDS, logPersonalData } from './personal-data-log-service.ts';

/** A member with its personal data in clear, as it comes from an import or a form. */
export type MemberWithPersonalData = Member & { idNumber: string | null; phone: string | null };

/** Encrypts and masks the personal data for storage. */
export function toMemberRecord(crypto: FieldCrypto, m: MemberWithPersonalData): MemberRecord {
  const { idNumber, phone, ...member } = m;
  return {
    ...member,
    idNumberEnc: idNumber ? crypto.encrypt(idNumber) : null,
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
    idNumberHash: idNumber ? crypto.blindIndex(idNumber.toUpperCase()) : null,
    phoneEnc: phone ? crypto.encrypt(phone) : null,
    phoneMasked: phone ? maskPhone(phone) : null,
  };
}

const collator = new Intl.Collator('zh-CN');
const NOT_FOUND = '找不到该党员';

/**
 * Members of `org` and its subtree, masked, in pinyin order (PGlite has no Chinese collation).
 * NotFoundError when `org` is outside the actor's scope; ForbiddenError for a member account.
 */
export async function listMembersOf(app: AppContext, actor: Actor, org: Organization, filter: MemberFilter = {}): Promise<MemberListItem[]> {
  const rows = await membersInScope(app, actor, org, filter);
  await logPersonalData(app, actor, { action: 'read', recordIds: rows.map((m) => m.id), fields: LISTED_FIELDS, orgId: org.id });
  return rows;
}

async function membersInScope(app: AppContext, actor: Actor, org: Organization, filter: MemberFilter = {}): Promise<MemberListItem[]> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const ids = (await orgSubtree(app, org)).map((o) => o.id);
  const rows = await listMembers(app.database.db, ids, filter);
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

/** One member, masked (the read is logged); NotFoundError when it does not exist or lies outside the actor's scope. */
export async function readMember(app: AppContext, actor: Actor, id: string): Promise<MemberListItem> {
  const m = await memberInScope(app, actor, id);
  await logPersonalData(app, actor, { action: 'read', recordIds: [m.id], fields: LISTED_FIELDS, orgId: m.orgId });
  return m;
}

async function memberInScope(app: AppContext, actor: Actor, id: string): Promise<MemberListItem> {
  assertRole(actor, MANAGERS);
  const m = await getMember(app.database.db, id);
  if (!m) throw new NotFoundError(NOT_FOUND);
  await assertRecordOrgInScope(app, actor, m.orgId, NOT_FOUND);
  return m;
}

/** The fields of a member a form may change; `idNumber`/`phone` in clear (null clears them). */
export interface MemberPatch {
  name?: string | undefined;
  gender?: 'male' | 'female' | null | undefined;
  ethnicity?: string | null | undefined;
  birthDate?: string | null | undefined;
  education?: string | null | undefined;
  category?: MemberCategory | undefined;
  admittedOn?: string | null | undefined;
  fullOn?: string | null | undefined;
  status?: MemberStatus | undefined;
  positions?: Position[] | undefined;
  subgroupId?: string | null | undefined;
  phone?: string | null | undefined;
  idNumber?: string | null | undefined;
}

/**
 * Edits a member; returns it masked. ValidationError names a bad field (invalid 身份证号, 转正
 * before 入党, a 党小组 that is not inside the member's branch); ConflictError when the 身份证号
 * belongs to another member; NotFoundError outside the actor's scope.
 */
export async function updateMember(app: AppContext, actor: Actor, id: string, patch: MemberPatch, today: string): Promise<MemberListItem> {
  const current = await memberInScope(app, actor, id);
  const db = app.database.db;
  const set: MemberUpdate = {};
  const { idNumber, phone, subgroupId, ...plain } = patch;
  for (const [k, v] of Object.entries(plain)) if (v !== undefined) (set as Record<string, unknown>)[k] = v;
  const admittedOn = patch.admittedOn !== undefined ? patch.admittedOn : current.admittedOn;
  const fullOn = patch.fullOn !== undefined ? patch.fullOn : current.fullOn;
  if (admittedOn && fullOn && fullOn < admittedOn) throw new ValidationError('转正日期不能早于入党日期', [{ field: 'fullOn', message: '早于入党日期' }]);
  for (const f of ['birthDate', 'admittedOn', 'fullOn'] as const) {
    const v = patch[f];
    if (v && v > today) throw new ValidationError('日期不能晚于今天', [{ field: f, message: '晚于今天' }]);
  }
  if (subgroupId !== undefined) {
    if (subgroupId !== null) {
      const sub = await getOrganization(db, subgroupId);
      if (!sub || sub.parentId !== current.orgId || sub.type !== 'partySubgroup') {
        throw new ValidationError('党小组应为该党员所在支部下的党小组', [{ field: 'subgroupId', message: '不是本支部的党小组' }]);
      }
    }
    set.subgroupId = subgroupId;
  }
  if (idNumber !== undefined) {
    if (idNumber === null || idNumber.trim() === '') {
      Object.assign(set, { idNumberEnc: null, idNumberMasked: null, idNumberHash: null });
    } else {
      const check = checkIdNumber(idNumber, today);
      if (!check.ok) throw new ValidationError(check.reason, [{ field: 'idNumber', message: check.reason }]);
      const normalized = normalizeIdNumber(idNumber);
      const hash = app.crypto.blindIndex(normalized);
      if (await idNumberHashTaken(db, hash, id)) throw new ConflictError('该身份证号已属于另一名党员');
      Object.assign(set, { idNumberEnc: app.crypto.encrypt(normalized), idNumberMasked: maskIdNumber(normalized), idNumberHash: hash });
    }
  }
  if (phone !== undefined) {
    const p = phone?.trim() ?? '';
    if (p && !/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(p)) throw new ValidationError('电话号码格式不正确', [{ field: 'phone', message: '应为11位手机号或带区号的固定电话' }]);
    Object.assign(set, p ? { phoneEnc: app.crypto.encrypt(p), phoneMasked: maskPhone(p) } : { phoneEnc: null, phoneMasked: null });
  }
  if (!(await updateMemberRow(db, id, set))) throw new NotFoundError(NOT_FOUND);
  const changed = LISTED_FIELDS.filter((f) => patch[f] !== undefined);
  if (changed.length > 0) await logPersonalData(app, actor, { action: 'change', recordIds: [id], fields: changed, orgId: current.orgId });
  return (await getMember(db, id))!;
}

/**
 * The roster of `org` (with its subtree) as .xlsx bytes, personal data masked (the file leaves
 * the system). Scope as for listMembersOf.
 */
export async function exportRoster(app: AppContext, actor: Actor, org: Organization): Promise<{ bytes: Buffer; filename: string }> {
  const list = await membersInScope(app, actor, org);
  await logPersonalData(app, actor, { action: 'export', recordIds: list.map((m) => m.id), fields: LISTED_FIELDS, orgId: org.id });
  const subtree = await orgSubtree(app, org);
  const names = new Map(subtree.map((o) => [o.id, o.name]));
  const bytes = await writeRosterXlsx(list.map((m) => ({
    name: m.name,
    gender: m.gender,
    ethnicity: m.ethnicity,
    birthDate: m.birthDate,
    education: m.education,
    idNumber: m.idNumberMasked ?? '',
    phone: m.phoneMasked,
    category: m.category,
    admittedOn: m.admittedOn,
    fullOn: m.fullOn,
    branchName: names.get(m.orgId) ?? null,
    positions: m.positions,
    joinedOn: currentMembership(m)?.startedOn ?? null,
  })), { title: `${org.name}党员花名册` });
  return { bytes, filename: `${org.name}党员花名册.xlsx` };
}
