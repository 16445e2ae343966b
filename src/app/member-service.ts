/**
 * Use cases for members: masked lists, and storing members with their personal data encrypted.
 * 身份证号 and phones are never logged and never leave this layer in clear.
 */
import type { Member } from '../domain/member/member.ts';
import { maskIdNumber, maskPhone } from '../domain/member/mask.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { Organization } from '../domain/org/org.ts';
import type { FieldCrypto } from '../db/field-crypto.ts';
import { getMember, listMembers, type MemberFilter, type MemberListItem, type MemberRecord } from '../db/queries/member-queries.ts';
import type { AppContext } from './context.ts';
import { orgSubtree } from './org-service.ts';

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

/** Members of `org` and its subtree, masked, in pinyin order (PGlite has no Chinese collation). */
export async function listMembersOf(app: AppContext, org: Organization, filter: MemberFilter = {}): Promise<MemberListItem[]> {
  const ids = (await orgSubtree(app, org)).map((o) => o.id);
  const rows = await listMembers(app.database.db, ids, filter);
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

/** One member, masked; NotFoundError when it does not exist. */
export async function readMember(app: AppContext, id: string): Promise<MemberListItem> {
  const m = await getMember(app.database.db, id);
  if (!m) throw new NotFoundError('找不到该党员');
  return m;
}
