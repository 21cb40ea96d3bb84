// How a person's comments are looked for from a data request: `?sdt=` and `?ten=`, parsed once
// for the request page, the export routes and the erase action alike.
import { normalizeVietnamesePhone } from './phone';
import { normalizeText } from './vietnamese';

export type PersonQueryInput = { phone: string | null; name: string | null };

/** The phone normalised (lib/phone.ts) and the name NFC-trimmed, each null when empty or unusable. */
export function parsePersonQuery(phone: unknown, name: unknown): PersonQueryInput & { phoneInvalid: boolean } {
  const rawPhone = typeof phone === 'string' ? phone.slice(0, 40) : '';
  const rawName = typeof name === 'string' ? normalizeText(name.slice(0, 200)) : '';
  const normalised = rawPhone.trim() ? normalizeVietnamesePhone(rawPhone) : null;
  return {
    phone: normalised,
    phoneInvalid: Boolean(rawPhone.trim()) && normalised === null,
    name: rawName && rawName.length <= 100 ? rawName : null,
  };
}
