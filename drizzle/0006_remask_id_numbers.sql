-- Issue 13: the stored masks kept the last 4 characters, which with the birth date shown beside them
-- rebuilt the number. Keep only the region code (src/domain/member/mask.ts explains the arithmetic).
UPDATE "members" SET "id_number_masked" = left("id_number_masked", 6) || repeat('*', length("id_number_masked") - 6)
WHERE "id_number_masked" IS NOT NULL AND length("id_number_masked") > 10;
