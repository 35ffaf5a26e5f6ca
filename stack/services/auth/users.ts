import { scryptSync, timingSafeEqual } from 'node:crypto';

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly role: string;
  readonly name: string;
  readonly salt: string;
  readonly hash: Buffer;
}

function hashPassword(password: string, salt: string): Buffer {
  return scryptSync(password, salt, 32, { N: 1024 });
}

export function makeUser(id: string, email: string, password: string, role: string, name: string): UserRecord {
  const salt = `${id}:${email}`;
  return { id, email, role, name, salt, hash: hashPassword(password, salt) };
}

/** Seed 000's laboratory users (admin@lab.local / admin123 is the one the harness logs in with). */
export function seedUsers(): UserRecord[] {
  return [
    makeUser('u-admin', 'admin@lab.local', 'admin123', 'admin', 'Lab Administrator'),
    makeUser('u-tech', 'tech@lab.local', 'tech123', 'lab_technician', 'Lab Technician'),
  ];
}

export function passwordMatches(user: UserRecord, password: string): boolean {
  const candidate = hashPassword(password, user.salt);
  return candidate.length === user.hash.length && timingSafeEqual(candidate, user.hash);
}
