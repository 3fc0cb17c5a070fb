/** Identifiers for rows: random, opaque, free of PHI, with a short prefix saying what they name. */
import { randomUUID } from 'node:crypto';

export function newId(
  prefix: 'usr' | 'jrn' | 'ver' | 'pat' | 'enr' | 'msg' | 'inb' | 'tsk' | 'qr' | 'sig' | 'cmt' | 'dsv' | 'cns' | 'mig',
): string {
  return `${prefix}_${randomUUID().replace(/-/g, '')}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
