import type { MessageEvent } from '../domain/events.ts';
import { renderCanonicalText } from './render-canonical.ts';
import { renderSeedText } from './render-seed.ts';

/** The payload formats a client can choose at connect time with `?format=` (`seed` by default). */
export type PushFormat = 'seed' | 'canonical';

export const PUSH_FORMATS: readonly PushFormat[] = ['seed', 'canonical'];

/** Reads `?format=`; `null` when the value names no known format (the upgrade is refused with 400). */
export function parsePushFormat(value: string | null): PushFormat | null {
  if (value === null || value === '') return 'seed';
  return (PUSH_FORMATS as readonly string[]).includes(value) ? (value as PushFormat) : null;
}

/**
 * One event encoded at most once per format: every recipient of that format is sent the very
 * same Buffer, so fan-out costs one encoding, not one per socket.
 */
export class EncodedEvent {
  #seed: Buffer | undefined;
  #canonical: Buffer | undefined;

  constructor(readonly event: MessageEvent) {}

  /** The frame for `format`, encoded on first use. */
  frame(format: PushFormat): Buffer {
    if (format === 'seed') {
      this.#seed ??= Buffer.from(renderSeedText(this.event), 'utf8');
      return this.#seed;
    }
    this.#canonical ??= Buffer.from(renderCanonicalText(this.event), 'utf8');
    return this.#canonical;
  }
}
