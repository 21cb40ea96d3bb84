// Password hashing with argon2id (OWASP's minimum: 19 MiB, t=2, p=1) through @node-rs/argon2.
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 exports its Algorithm enum as a const enum; 2 is Argon2id.
const ARGON2ID = 2;

export const PASSWORD_PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password into a self-describing PHC string ($argon2id$v=19$m=…,t=…,p=…$…). */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), PASSWORD_PARAMS);
}

/** Verifies without throwing on a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** True when a stored hash was made with weaker or different parameters than today's. */
export function needsRehash(passwordHash: string): boolean {
  const { memoryCost, timeCost, parallelism } = PASSWORD_PARAMS;
  return !passwordHash.startsWith(`$argon2id$v=19$m=${memoryCost},t=${timeCost},p=${parallelism}$`);
}
