import {randomBytes} from 'node:crypto';

/** A new public id: a kind letter and 64 random bits. */
export function newId(prefix: 's' | 'c' | 'i'): string {
  return `${prefix}_${randomBytes(8).toString('base64url')}`;
}
