// Copied verbatim into every bindings output as `int64-json.ts` by scripts/bindings.ts (docs/bindings.md).

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Parses a JSON answer like `JSON.parse`, except that the integer values of the named fields become
 * `bigint` and keep every digit: imchat `timestamp` is an int64 of nanoseconds, above 2^53, which
 * `JSON.parse` rounds to the nearest double. Works on any JavaScript runtime: the digits are quoted
 * before parsing (a field name inside a JSON string has escaped quotes, so it never matches), then
 * the reviver turns them into BigInt.
 */
export function parseInt64Json(text: string, fields: readonly string[]): unknown {
  const names = fields.map(escapeRegExp).join('|');
  const number = new RegExp(`((?<!\\\\)"(?:${names})"\\s*:\\s*)(-?\\d+)(?=\\s*[,}\\]])`, 'g');
  const wanted = new Set(fields);
  return JSON.parse(text.replace(number, '$1"$2"'), (key, value: unknown) =>
    wanted.has(key) && typeof value === 'string' && /^-?\d+$/.test(value) ? BigInt(value) : value,
  );
}
