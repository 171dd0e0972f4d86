import { readFileSync } from 'node:fs';
import { TypeScriptGenerator } from '@asyncapi/modelina';

/**
 * Typed push payload models from the AsyncAPI document, by @asyncapi/modelina: one interface per
 * message payload and a union of them, with the **raw property names** of the wire (modelina's
 * defaults would rename `type`, `status` and every snake_case field).
 */
export async function pushModels(asyncapiFile: string): Promise<string> {
  const generator = new TypeScriptGenerator({
    modelType: 'interface',
    enumType: 'union',
    rawPropertyNames: true,
  });
  const models = await generator.generateCompleteModels(readFileSync(asyncapiFile, 'utf8'), {
    exportType: 'named',
  });
  // One file instead of modelina's file per model: the cross-model imports go, the models stay.
  return models
    .map((model) => model.result.replace(/^import .*\n/gm, '').trim())
    .join('\n\n')
    .concat('\n');
}
