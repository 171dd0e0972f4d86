import { Ajv } from 'ajv';
import { SpecError } from './errors.ts';
import { joinPointer, readPointer } from './json-pointer.ts';
import { PROMISE_SCHEMA } from './promise-schema.ts';

const validatePromise = new Ajv({ strict: false, allErrors: false }).compile(PROMISE_SCHEMA);

/** The one documented extension prefix for behavioural promises (docs/conformance.md#promises). */
export const PROMISES_KEY = 'x-imgate-promises';

/**
 * One behavioural promise as a document declares it under `x-imgate-promises`: `check` names the
 * registry check that verifies it, the other fields are that check's parameters (JSON pointers into
 * the request, the answer or an item, and constants). Fields are addressed by pointer, so documents
 * may gain fields without breaking a promise.
 */
export interface DeclaredPromise {
  readonly id: string;
  readonly check: string;
  /** `file#/paths/~1im.chat~1pull/post/x-imgate-promises/3`: where the promise is written. */
  readonly pointer: string;
  /** Who declared it: `variant:operationId`, `push:<message>` or `push`. */
  readonly owner: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Reads and validates an `x-imgate-promises` block; a malformed block is a SpecError with its pointer. */
export function readPromises(raw: unknown, file: string, base: string, owner: string): DeclaredPromise[] {
  if (raw === undefined) return [];
  const at = joinPointer(base, PROMISES_KEY);
  if (!Array.isArray(raw)) throw new SpecError(`${PROMISES_KEY} must be a list`, file, at);
  return raw.map((entry: unknown, i) => {
    const pointer = joinPointer(at, i);
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      throw new SpecError('a promise must be an object', file, pointer);
    const params = entry as Record<string, unknown>;
    if (!validatePromise(params)) {
      const error = validatePromise.errors?.find((e) => e.keyword !== 'if') ?? validatePromise.errors?.[0];
      const where = `${pointer}${error?.instancePath ?? ''}`;
      const extra =
        error?.params && 'additionalProperty' in error.params
          ? ` (${String(error.params.additionalProperty)})`
          : '';
      throw new SpecError(`invalid promise: ${error?.message ?? 'does not fit'}${extra}`, file, where);
    }
    return {
      id: String(params.id),
      check: String(params.check),
      pointer: `${file}${pointer}`,
      owner,
      params,
    };
  });
}

/** A string parameter of a promise (a pointer, a name); '' when absent or not a string. */
export function param(promise: DeclaredPromise, name: string): string {
  const value = promise.params[name];
  return typeof value === 'string' ? value : '';
}

/** The promises of `list` that the check `check` verifies. */
export function promisesFor(list: readonly DeclaredPromise[], check: string): DeclaredPromise[] {
  return list.filter((p) => p.check === check);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads a pointer out of a request or answer. A string that holds JSON (a multipart `file` part)
 * is traversed as JSON, so `/file/msgId` reaches into the frame. '' is the whole value.
 */
export function readValue(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node: unknown = root;
  for (const token of pointer.split('/').slice(1)) {
    if (typeof node === 'string') node = parseJson(node);
    node = readPointer(node, `/${token}`);
    if (node === undefined) return undefined;
  }
  return node;
}

/** A number from a JSON number or a decimal string (int64 ids come in both forms); otherwise undefined. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

/** Standard base64 (RFC 4648 §4) with padding: what OpenAPI `format: byte` means. */
export const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes one item as `decode` says (`base64-json`); undefined when it cannot be decoded. */
export function decodeItem(item: unknown, decode: unknown): unknown {
  if (decode !== 'base64-json') return item;
  if (typeof item !== 'string' || !STANDARD_BASE64.test(item)) return undefined;
  return parseJson(Buffer.from(item, 'base64').toString('utf8'));
}

/**
 * The items a promise is about: the array at `items` (decoded), or, when `items` names an object
 * (a map such as imchat `recalls`), its entries as `{key, value}` with numeric keys.
 */
export function promiseItems(promise: DeclaredPromise, answer: unknown): unknown[] | undefined {
  const node = readValue(answer, param(promise, 'items'));
  if (Array.isArray(node)) return node.map((item) => decodeItem(item, promise.params.decode));
  if (node !== null && typeof node === 'object')
    return Object.entries(node as Record<string, unknown>).map(([key, value]) => ({
      key: asNumber(key) ?? key,
      value,
    }));
  return undefined;
}
