import { type CheckInput, operationLabel } from '../engine/check-types.ts';
import { type Failure, UndefinedContentType } from '../engine/failures.ts';
import { findResponse } from '../engine/spec-model.ts';

function matches(documented: string, actual: string): boolean {
  const [type, sub] = documented.toLowerCase().split('/');
  const [aType, aSub] = actual.toLowerCase().split(';')[0]?.trim().split('/') ?? [];
  return (type === '*' || type === aType) && (sub === '*' || sub === aSub);
}

/** A response with a body must carry one of the media types documented for its status. */
export function content_type_conformance(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response') return [];
  const { operation, exchange } = input;
  const response = findResponse(operation, exchange.response.status);
  if (!response || exchange.response.status === 0) return [];
  const documented = response.media.map((m) => m.mediaType);
  const actual = exchange.response.headers['content-type'] ?? '';
  if (documented.length === 0 && exchange.response.text === '') return [];
  if (documented.some((d) => matches(d, actual))) return [];
  return [
    new UndefinedContentType({
      check: 'content_type_conformance',
      operation: operationLabel(operation),
      pointer: `${response.pointer}/content`,
      message: `content-type "${actual || '(none)'}" is not documented for ${exchange.response.status} (documented: ${documented.join(', ') || 'no body'})`,
      exchange,
    }),
  ];
}
