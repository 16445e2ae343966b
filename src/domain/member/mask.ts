/**
 * Masked forms of personal data for lists, exports and logs (domain.md: masked when listed).
 * A mask must not be undone by what is shown beside it: see maskIdNumber for the arithmetic.
 */

/**
 * `110105199001011234` → `110105************`: the region code (first 6 characters) stays, every
 * other character becomes `*` (so the length still shows). Values of 10 characters or fewer are
 * masked entirely; `null`/empty gives an empty string.
 *
 * Why the last four are hidden too (issue 13): an 18-character number is region (1–6) · birth date
 * (7–14) · sequence (15–17, the 17th odd for men) · check character (18, ISO 7064 MOD 11-2 of the
 * first 17). Member lists, the roster export and the import preview show the birth date and the
 * gender beside the mask, so digits 7–14 and the parity of digit 17 are known to the reader. The
 * former mask `110105********1234` hid exactly the birth date and left nothing to guess. With only
 * the region shown, digits 15 and 16 (10 × 10 choices) and digit 17 (5 choices of the right
 * parity) are unknown: 500 numbers fit everything shown, each with its own valid check character,
 * so the check digit rules none of them out. Even a reader who knew the region already learns
 * nothing more from the mask than from the birth date and gender.
 */
export function maskIdNumber(idNumber: string | null | undefined): string {
  const s = (idNumber ?? '').trim();
  if (s.length === 0) return '';
  if (s.length <= 10) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 6);
}

/**
 * `13812345678` → `138****5678` (11-digit mobile). Other numbers (landlines such as
 * `0691-2123456`) keep only their last 4 digits; 4 characters or fewer are masked entirely.
 */
export function maskPhone(phone: string | null | undefined): string {
  const s = (phone ?? '').trim();
  if (s.length === 0) return '';
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  if (s.length <= 4) return '*'.repeat(s.length);
  return s.slice(0, -4).replace(/\d/g, '*') + s.slice(-4);
}
