import type { imchatOperations } from '../../generated/imchat/operations.ts';
import type { HandlerTable } from '../../http/operation-table.ts';
import { conversationOf } from './conversation.ts';
import { msgInfo, recallsToWire, timestampNanos } from './wire.ts';

/**
 * The imchat variant (`openapi/imchat.yaml`, seed 003): one handler per operationId, translating
 * `target`/`target_type`, `msg_index`, `recall_index` and nanosecond timestamps to and from the
 * domain. Every rule (membership, sender-only recall, forward-only read marks) is the domain's.
 */
export const imchatHandlers = {
  /** `openapi/imchat.yaml#/paths/~1im.chat~1send` */
  imchatSend: async function imchatSend(c) {
    const body = c.req.valid('json');
    const { message } = await c.var.domain.messaging.send(c.var.actor, {
      to: conversationOf(body),
      content: body.msg,
      extra: body.extra ?? '',
    });
    return c.json(
      {
        msg_index: message.seq,
        timestamp: timestampNanos(message.createdAt),
        chat_num: message.chatNum,
        msg_num: message.num,
      },
      200,
    );
  },

  /** `openapi/imchat.yaml#/paths/~1im.chat~1recall` */
  imchatRecall: async function imchatRecall(c) {
    const body = c.req.valid('json');
    const recalled = await c.var.domain.messaging.recallBySeq(
      c.var.actor,
      conversationOf(body),
      body.msg_index,
    );
    return c.json({ recall_index: recalled.recallSeq }, 200);
  },

  /** `openapi/imchat.yaml#/paths/~1im.chat~1ack` */
  imchatAck: async function imchatAck(c) {
    const body = c.req.valid('json');
    await c.var.domain.messaging.markRead(c.var.actor, conversationOf(body), body.msg_index);
    return c.json({}, 200);
  },

  /**
   * `openapi/imchat.yaml#/paths/~1im.chat~1pull`. Gap tombstones (a sequence lost in a send race)
   * have no sender, which `MsgInfo` requires, so they are left out of `msgs`.
   */
  imchatPull: async function imchatPull(c) {
    const body = c.req.valid('json');
    const pulled = await c.var.domain.reading.pull(c.var.actor, conversationOf(body), {
      direction: body.direction,
      startSeq: body.start_msg_index ?? 0,
      startRecallSeq: body.start_recall_index ?? 0,
      count: body.count,
    });
    const msgs = pulled.messages.filter((view) => !view.gap).map(msgInfo);
    return c.json({ msgs, recalls: recallsToWire(pulled.recalls) }, 200);
  },
} satisfies HandlerTable<typeof imchatOperations>;
