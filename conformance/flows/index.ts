import type { Flow } from '../engine/flow-types.ts';
import { crossVariant } from './cross-variant.ts';
import { messageLifecycle } from './message-lifecycle.ts';

/** imgate's declared flows; the CLI hands them to the engine (which never imports this folder). */
export const IMGATE_FLOWS: readonly Flow[] = [messageLifecycle, crossVariant];
