import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DOCUMENTS = [
  'openapi/messages.yaml',
  'openapi/imchat.yaml',
  'openapi/record.yaml',
  'openapi/admin.yaml',
  'asyncapi/push.yaml',
];

/**
 * The documents bundled with the tool, found from this file, not from the working directory: the
 * package ships them in `specs/` (built package) and the repository has them one level up
 * (sources), so `imgate-conformance` works from any directory.
 */
export function defaultSpecs(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const base of [join(here, 'specs'), join(here, '..', 'specs'), join(here, '..')]) {
    const files = DOCUMENTS.map((f) => join(base, f));
    if (files.every((f) => existsSync(f))) return files;
  }
  return [];
}
