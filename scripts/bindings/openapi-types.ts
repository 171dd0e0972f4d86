import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

/**
 * openapi-typescript's `paths` / `components` / `operations` types for one document, generated with
 * the tool's **default settings**: the documents keep every defaulted request field optional under
 * `defaultNonNullable` (docs/normalization.md T2), so a client team's own plain run gives the same
 * types as this one.
 */
export async function openapiTypes(documentFile: string): Promise<string> {
  return astToString(await openapiTS(pathToFileURL(documentFile)));
}
