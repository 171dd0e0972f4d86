import { MessageFrameSchema, TransportEnvelopeSchema } from '../../generated/record/routes.ts';
import type { HandlerTable } from '../../http/operation-table.ts';
import { frameToSend, readFrame } from './frame.ts';
import type { recordRoutes } from './push-routes.ts';
import { encodeRecord, logIdBound, pushResp, recordToWire } from './wire.ts';

export { recordRoutes } from './push-routes.ts';

/**
 * The record variant (`openapi/record.yaml`, seed 004): one handler per operationId, translating
 * `logId`, `channelType`/`targetId`, records and multipart frames to and from the domain. `type` in
 * revoke and focus is accepted and ignored, as the document says (`logId` is global).
 */
export const recordHandlers = {
  /** `openapi/record.yaml#/paths/~1app~1record~1revoke` */
  recordRevoke: async function recordRevoke(c) {
    await c.var.domain.messaging.recallByNum(c.var.actor, c.req.valid('json').logId);
    return c.json({}, 200);
  },

  /** `openapi/record.yaml#/paths/~1app~1record~1focus` */
  recordFocus: async function recordFocus(c) {
    await c.var.domain.messaging.focus(c.var.actor, c.req.valid('json').logId);
    return c.json({}, 200);
  },

  /** `openapi/record.yaml#/paths/~1app~1record~1sync-record` */
  recordSync: async function recordSync(c) {
    const body = c.req.valid('json');
    const views = await c.var.domain.reading.sync(c.var.actor, body.start ?? 0, body.count);
    return c.json({ record_count: views.length, records: views.map(encodeRecord) }, 200);
  },

  /** `openapi/record.yaml#/paths/~1app~1record~1pri-chat-record` */
  recordPrivateChat: async function recordPrivateChat(c) {
    const body = c.req.valid('json');
    const bound = logIdBound(body.logId);
    const views = await c.var.domain.reading.privateRecords(c.var.actor, body.targetId, bound, body.count);
    return c.json({ record_count: views.length, records: views.map(recordToWire) }, 200);
  },

  /** `openapi/record.yaml#/paths/~1record~1push` */
  recordPush: async function recordPush(c) {
    const frame = await readFrame(c.req.valid('form').file, MessageFrameSchema);
    const { message } = await c.var.domain.messaging.send(c.var.actor, frameToSend(frame));
    return c.json(pushResp(message), 200);
  },

  /** `openapi/record.yaml#/paths/~1record~1push2`: the same frame inside `{op, seq, body}`. */
  recordPush2: async function recordPush2(c) {
    const envelope = await readFrame(c.req.valid('form').file, TransportEnvelopeSchema);
    const { message } = await c.var.domain.messaging.send(c.var.actor, frameToSend(envelope.body));
    return c.json(pushResp(message), 200);
  },
} satisfies HandlerTable<typeof recordRoutes>;
