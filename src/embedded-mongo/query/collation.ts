import type { Document } from 'bson';
import { CommandError } from '../errors.ts';

/**
 * A non-simple collation (https://www.mongodb.com/docs/v7.0/reference/collation/) in the subset
 * this server evaluates exactly: a valid ICU locale with `strength` 1 (base letters: case and
 * accents ignored), 2 (case ignored) or 3 (the default: nothing ignored). Strings are compared
 * through `fold` for equality and through the locale's collator for order. Options that change
 * more than that (caseLevel, caseFirst, numericOrdering, alternate, backwards...) are refused.
 */
export interface Collation {
  locale: string;
  strength: 1 | 2 | 3;
  collator: Intl.Collator;
  /** Maps strings that the collation holds equal to one representative. */
  fold(value: string): string;
}

/** The collation fields mongod accepts, with the only value this server implements for each. */
const DEFAULTS: Record<string, unknown> = {
  caseLevel: false,
  caseFirst: 'off',
  numericOrdering: false,
  alternate: 'non-ignorable',
  maxVariable: 'punct',
  backwards: false,
  normalization: false,
};

function validLocale(locale: string): boolean {
  try {
    return Intl.Collator.supportedLocalesOf([locale.replaceAll('_', '-')]).length > 0;
  } catch {
    return false;
  }
}

function folder(strength: number): (value: string) => string {
  if (strength >= 3) return (value) => value.normalize('NFC');
  const cased = (value: string) => value.toUpperCase().toLowerCase();
  if (strength === 2) return (value) => cased(value.normalize('NFC')).normalize('NFC');
  return (value) => cased(value.normalize('NFD').replace(/\p{M}/gu, ''));
}

/** Parses a command's `collation`; undefined for none or `{locale: "simple"}` (binary comparison). */
export function parseCollation(spec: unknown): Collation | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (typeof spec !== 'object' || Array.isArray(spec)) {
    throw new CommandError(14, "BSON field 'collation' is the wrong type, expected type 'object'");
  }
  const { locale, strength = 3, version, ...options } = spec as Document;
  void version;
  if (typeof locale !== 'string')
    throw new CommandError(40414, "BSON field 'collation.locale' is missing but a required field");
  for (const [field, value] of Object.entries(options)) {
    if (!(field in DEFAULTS))
      throw new CommandError(40415, `BSON field 'collation.${field}' is an unknown field.`);
    if (value !== DEFAULTS[field]) {
      throw new CommandError(
        238,
        `The embedded server does not implement collation '${field}: ${String(value)}'`,
      );
    }
  }
  if (locale === 'simple') {
    if (strength !== 3) throw new CommandError(2, "Collation 'simple' takes no other options");
    return undefined;
  }
  if (!validLocale(locale))
    throw new CommandError(2, `Field 'locale' is invalid in: { locale: "${locale}" }`);
  if (![1, 2, 3, 4, 5].includes(strength as number)) {
    throw new CommandError(2, `Field 'strength' must be an integer 1 through 5. Got: ${String(strength)}`);
  }
  if ((strength as number) > 3)
    throw new CommandError(238, `The embedded server does not implement collation strength ${strength}`);
  const level = strength as 1 | 2 | 3;
  const sensitivity = level === 1 ? 'base' : level === 2 ? 'accent' : 'variant';
  const collator = new Intl.Collator(locale.replaceAll('_', '-'), { sensitivity, usage: 'sort' });
  return { locale, strength: level, collator, fold: folder(level) };
}

/** A copy of `value` with every string (not key) folded: what equality under `collation` sees. */
export function foldValue(value: unknown, collation: Collation): unknown {
  if (typeof value === 'string') return collation.fold(value);
  if (Array.isArray(value)) return value.map((item) => foldValue(item, collation));
  if (value !== null && typeof value === 'object' && !(value as { _bsontype?: string })._bsontype) {
    if (value instanceof Date || value instanceof RegExp) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, foldValue(item, collation)]));
  }
  return value;
}
