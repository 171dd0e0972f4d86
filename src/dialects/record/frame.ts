import type { ZodType } from 'zod';
import { DomainError, type SendInput } from '../../domain/index.ts';
import type { MessageFrame } from '../../generated/record/routes.ts';

const MAX_ISSUES = 3;

/** `file.body.msgId: Invalid input …` — every issue prefixed by its path inside the part. */
function describeFrameIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const parts = issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${['file', ...issue.path.map(String)].join('.')}: ${issue.message}`);
  return parts.join('; ');
}

/**
 * Parses the multipart part `file` (a file or a plain field) as JSON and validates it against the
 * document's frame schema (`MessageFrame` for `/record/push`, `TransportEnvelope` for
 * `/record/push2`, `openapi/record.yaml#/components/schemas`). Any failure is a 400 naming it.
 */
export async function readFrame<Frame>(part: File | string, schema: ZodType<Frame>): Promise<Frame> {
  const text = typeof part === 'string' ? part : await part.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DomainError('invalid', 'file: not valid JSON');
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new DomainError('invalid', describeFrameIssues(result.error.issues));
  return result.data;
}

/**
 * A message frame as the domain's send (`openapi/components/record-schemas.yaml#/MessageFrame`):
 * channel 0 is the single chat with the user `target`, 1 the group chat `target`.
 */
export function frameToSend(frame: MessageFrame): SendInput {
  return {
    to:
      frame.channelType === 0
        ? { kind: 'direct', peerId: frame.target }
        : { kind: 'group', chatId: frame.target },
    clientId: frame.msgId,
    content: frame.msg,
    type: frame.msgType,
  };
}
