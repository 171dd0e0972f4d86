import type { Actor } from './actor.ts';
import { DomainError } from './errors.ts';
import { MAX_NUMBER } from './model.ts';

/**
 * Checks for values a request schema cannot express (or that reach the domain from more than one
 * dialect); each failure is a `DomainError('invalid')` naming the field.
 */

export function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw new DomainError('forbidden', 'administrators only');
}

/** Ids are non-empty strings of at most 128 characters. */
export function requireId(value: string, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 128) {
    throw new DomainError('invalid', `${field} must be 1..128 characters`);
  }
  return value;
}

export function requireIds(values: readonly string[], field: string): string[] {
  const input: unknown = values; // request data: typed as a list, checked as one
  if (!Array.isArray(input)) throw new DomainError('invalid', `${field} must be a list`);
  return [...new Set(values.map((value) => requireId(value, field)))];
}

/** An integer in `[min, max]` (max defaults to the largest number the domain issues). */
export function requireInt(value: number, field: string, min: number, max = MAX_NUMBER): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new DomainError('invalid', `${field} must be an integer in ${min}..${max}`);
  }
  return value;
}

export function requireFlag(value: number | undefined, field: string): 0 | 1 {
  if (value === undefined || value === 0) return 0;
  if (value === 1) return 1;
  throw new DomainError('invalid', `${field} must be 0 or 1`);
}
