import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * How reports name a document: relative to the working directory when it lies below it, else
 * from its `openapi/` or `asyncapi/` folder (the bundled documents of an installed package), else
 * the absolute path. Failure pointers then read `openapi/imchat.yaml#/paths/…` from any directory.
 */
export function displayPath(file: string): string {
  const absolute = resolve(file);
  const rel = relative(process.cwd(), absolute);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel;
  const parts = absolute.split(sep);
  const at = Math.max(parts.lastIndexOf('openapi'), parts.lastIndexOf('asyncapi'));
  return at >= 0 ? parts.slice(at).join('/') : absolute;
}
