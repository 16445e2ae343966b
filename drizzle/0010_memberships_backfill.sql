-- Every existing member gets one membership period in their organization (src/domain/member/membership.ts
-- initialMembershipStart): from the later of 入党时间 (else 转正时间) and the organization's founding date,
-- to the recorded leaving date. No date is invented: with neither known the start stays NULL.
INSERT INTO "memberships" ("id", "member_id", "org_id", "started_on", "start_kind", "ended_on", "end_kind")
SELECT gen_random_uuid(), m."id", m."org_id",
  CASE WHEN m."left_on" IS NOT NULL AND GREATEST(COALESCE(m."admitted_on", m."full_on"), o."established_on") >= m."left_on" THEN NULL
       ELSE GREATEST(COALESCE(m."admitted_on", m."full_on"), o."established_on") END,
  'initial',
  m."left_on",
  CASE WHEN m."left_on" IS NULL THEN NULL
       WHEN m."status" = 'deceased' THEN 'deceased'
       WHEN m."status" = 'removed' THEN 'expelled'
       WHEN m."status" = 'suspended' THEN 'suspended'
       ELSE 'transferOutOutside' END
FROM "members" m JOIN "organizations" o ON o."id" = m."org_id"
WHERE NOT EXISTS (SELECT 1 FROM "memberships" p WHERE p."member_id" = m."id");
