// Vietnamese phone numbers: mobiles 0[35789]x xxx xxxx, landlines 02xx xxxx xxxx; +84 is 0.

/** The number in national form (digits only, leading 0), or null when it is not Vietnamese. */
export function normalizeVietnamesePhone(input: string): string | null {
  const compact = input.normalize('NFKC').replace(/[\s.\-()]/g, '');
  const national = compact.replace(/^(\+84|0084|84(?=[35789]\d{8}$|2\d{9}$))/, '0');
  if (/^0[35789]\d{8}$/.test(national) || /^02\d{9}$/.test(national)) return national;
  return null;
}
