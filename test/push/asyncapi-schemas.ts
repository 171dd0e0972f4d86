import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { Ajv, type ValidateFunction } from 'ajv';

const SPEC = resolve(import.meta.dirname, '../../asyncapi/push.yaml');

/**
 * The payload validators of `asyncapi/push.yaml`, by message name (`sendMessage`, …), parsed with
 * @asyncapi/parser (which resolves every `$ref`) and compiled with ajv.
 */
export async function loadPushValidators(): Promise<Map<string, ValidateFunction>> {
  const { document, diagnostics } = await new Parser().parse(await readFile(SPEC, 'utf8'));
  if (document === undefined) {
    throw new Error(`asyncapi/push.yaml does not parse: ${JSON.stringify(diagnostics.slice(0, 3))}`);
  }
  // The parser annotates schemas with `x-parser-*` keys, which strict ajv would reject.
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validators = new Map<string, ValidateFunction>();
  for (const message of document.components().messages().all()) {
    const payload = message.payload();
    if (payload === undefined) continue;
    const schema: object = payload.json();
    validators.set(message.id(), ajv.compile(schema));
  }
  return validators;
}
