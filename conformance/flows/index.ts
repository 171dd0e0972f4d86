import type { Flow } from '../engine/flow-types.ts';
import { adminRefusals } from './admin-refusals.ts';
import { behaviour } from './behaviour.ts';
import { chatRefusals } from './chat-refusals.ts';
import { crossVariant } from './cross-variant.ts';
import { messageLifecycle } from './message-lifecycle.ts';

/** imgate's declared flows; the CLI hands them to the engine (which never imports this folder). */
export const IMGATE_FLOWS: readonly Flow[] = [
  messageLifecycle,
  behaviour,
  chatRefusals,
  adminRefusals,
  crossVariant,
];
