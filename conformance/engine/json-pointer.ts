/**
 * JSON pointers (RFC 6901): every failure and every spec error names the node it is about, so a
 * reader can jump from a report line to the document.
 */
export function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Joins already-unescaped tokens onto a pointer (`#/paths` + `['/a', 'post']`). */
export function joinPointer(base: string, ...tokens: readonly (string | number)[]): string {
  return tokens.reduce<string>((acc, token) => `${acc}/${escapePointerToken(String(token))}`, base);
}

/** Reads the node at `pointer` (with or without a leading `#`) or returns undefined. */
export function readPointer(root: unknown, pointer: string): unknown {
  const path = pointer.replace(/^#/, '');
  if (path === '' || path === '/') return root;
  let node: unknown = root;
  for (const raw of path.split('/').slice(1)) {
    const token = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
