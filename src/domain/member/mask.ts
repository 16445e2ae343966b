/**
 * Masked forms of personal data for lists and logs (domain.md: masked when listed).
 * The masks keep just enough to tell records apart: region + last 4 of an ID number, the
 * carrier prefix + last 4 of a mobile number.
 */

/**
 * `110105199001011234` → `110105********1234`: the first 6 and the last 4 characters stay,
 * every other character becomes `*` (so the length still shows). Values of 10 characters or
 * fewer are masked entirely; `null`/empty gives an empty string.
 */
export function maskIdNumber(idNumber: string | null | undefined): string {
  const s = (idNumber ?? '').trim();
  if (s.length === 0) return '';
  if (s.length <= 10) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
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
