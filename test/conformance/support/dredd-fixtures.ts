import { imgateProvider } from '../../../conformance/fixtures/imgate-provider.ts';
import { loadSpecs } from '../../../conformance/run-suite.ts';

/** How hooks.cjs rewrites one transaction, keyed by `METHOD /path/template`. */
export interface DreddRequest {
  /** Merged into the JSON example body. */
  readonly body?: Readonly<Record<string, unknown>>;
  /** Replaces the example body with a multipart/form-data body of these string fields. */
  readonly multipart?: Readonly<Record<string, string>>;
  /** Replaces the request URI (path parameters). */
  readonly uri?: string;
}

/** What `conformance/dredd/hooks.cjs` reads from `IMGATE_DREDD_FIXTURES`. */
export interface DreddFixtures {
  readonly token: string;
  readonly adminToken: string;
  readonly requests: Readonly<Record<string, DreddRequest>>;
}

/**
 * Provisions users, chats and seeded messages through the admin API (the suite's own provider),
 * then says which real ids replace the sample ids of each documented request example.
 */
export async function dreddFixtures(
  target: string,
  adminToken: string,
  specFiles: readonly string[],
): Promise<DreddFixtures> {
  const specs = await loadSpecs(specFiles);
  const f = await imgateProvider(adminToken)({ target, purpose: 'dredd', seed: 1, specs });
  const id = (name: string) => f.actors[name]?.id ?? '';
  const chat = (name: string) => f.chats[name]?.id ?? '';
  const bound = (key: string) => f.bindings[key];
  const recallId = (bound('messages.ids') as unknown[])[0];
  const hideId = (bound('hideMessages.ids') as unknown[])[0];
  const frame = (target: string, channelType: number, msgId: string) =>
    JSON.stringify({ channelType, target, msgId, msgType: 1, msg: 'hello' });
  return {
    token: f.actors.owner?.token ?? '',
    adminToken,
    requests: {
      'POST /message/send': { body: { id: 'dredd-send-1', chat_id: chat('group') } },
      'POST /message/list': { body: { chat_id: chat('group') } },
      'POST /messages/detail': { body: { ids: [recallId] } },
      'POST /messages/delete-batch': { body: { ids: [recallId] } },
      'POST /messages/delete-self-all': { body: { ids: [hideId] } },
      'POST /messages/delete-chat-ids': { body: { chat_ids: [chat('scratch')] } },
      'POST /messages/delete-self-chat-ids': { body: { chat_ids: [chat('scratch')] } },
      'POST /messages/revoke-chat-ids': { body: { chat_ids: [chat('scratch')] } },
      'POST /messages/clear-chat-ids': { body: { chat_ids: [chat('scratch')] } },
      'POST /chat/detail': { body: { ids: [chat('group')] } },
      'POST /chat/delete': { body: { ids: [chat('scratch')] } },
      'POST /im.chat/send': { body: { target: id('member'), target_type: 'user' } },
      'POST /im.chat/recall': { body: { target: chat('group'), msg_index: bound('imchat.msg_index') } },
      'POST /im.chat/ack': {
        body: { target: chat('group'), target_type: 'group', msg_index: bound('imchatAck.msg_index') },
      },
      'POST /im.chat/pull': { body: { target: chat('group') } },
      'POST /app/record/revoke': { body: { logId: bound('record.logId') } },
      'POST /app/record/focus': { body: { logId: bound('recordFocus.logId') } },
      'POST /app/record/pri-chat-record': { body: { targetId: id('member') } },
      'POST /record/push': { multipart: { file: frame(id('member'), 0, 'dredd-push-1') } },
      'POST /record/push2': {
        multipart: {
          file: JSON.stringify({ op: 3, seq: 7, body: JSON.parse(frame(chat('group'), 1, 'dredd-push-2')) }),
        },
      },
      'POST /admin/users': { body: { id: 'dredd-user-1' } },
      'GET /admin/users/{user_id}': { uri: `/admin/users/${encodeURIComponent(id('owner'))}` },
      'POST /admin/chats': { body: { creator_id: id('owner'), member_ids: [id('outsider')] } },
      'GET /admin/chats/{chat_id}': { uri: `/admin/chats/${encodeURIComponent(chat('group'))}` },
      'POST /admin/chats/{chat_id}/members': {
        uri: `/admin/chats/${encodeURIComponent(chat('group'))}/members`,
        body: { user_ids: [id('outsider')] },
      },
      'DELETE /admin/chats/{chat_id}/members/{user_id}': {
        uri: `/admin/chats/${encodeURIComponent(chat('group'))}/members/${encodeURIComponent(id('outsider'))}`,
      },
      'POST /admin/tokens': { body: { sub: id('owner') } },
    },
  };
}
