import type { CheckInput } from '../engine/check-types.ts';
import { type Failure, PushSchemaViolation } from '../engine/failures.ts';
import { validate } from '../engine/schema-validator.ts';

/** Every frame on the push channel must be JSON and fit the AsyncAPI message of its kind. */
export function push_payload_conformance(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'push-frame') return [];
  const { push, text, connection } = input;
  const fail = (pointer: string, message: string) =>
    new PushSchemaViolation({
      check: 'push_payload_conformance',
      operation: 'push',
      pointer: `${push.file}${pointer}`,
      message: `${connection}: ${message}`,
      detail: { frame: text.slice(0, 2000) },
    });
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return [fail('#/components/messages', 'frame is not JSON')];
  }
  const kind = (frame as Record<string, unknown> | null)?.[push.discriminator];
  const message = push.messages.find((m) => m.kind === kind);
  if (!message) {
    return [
      fail('#/components/messages', `${push.discriminator} ${JSON.stringify(kind)} is no documented message`),
    ];
  }
  return validate(message.payload, frame).map((v) =>
    fail(`${message.pointer}/payload${v.schemaPath.replace(/^#/, '')}`, `${message.name}: ${v.message}`),
  );
}
