import type { Flow } from '../engine/flow-types.ts';
import { probeIds, type RefusalProbe, sendProbes } from './refusal-probe.ts';

/** Probes of the admin API: not admin (403), unknown ids (404), duplicates and fixed members (409), over-long path ids (400). */
export const adminRefusals: Flow = {
  name: 'admin refusals',
  phases: ['stateful'],
  requires: [],
  async run(rt) {
    const ids = probeIds(rt);
    const user = (user_id: string) => ({ user_id });
    const chat = (chat_id: string) => ({ chat_id });
    const member = (chat_id: string, user_id: string) => ({ chat_id, user_id });
    const newChat = { type: 2, creator_id: ids.owner, member_ids: [ids.member] };
    const probes: RefusalProbe[] = [
      { operationId: 'createUser', expect: 403, why: 'not admin', as: 'owner', body: { id: rt.unique('u') } },
      { operationId: 'createUser', expect: 409, why: 'duplicate user', body: { id: ids.owner } },
      { operationId: 'getUser', expect: 400, why: 'id over 128 characters', pathParams: user(ids.tooLong) },
      {
        operationId: 'getUser',
        expect: 403,
        why: 'not admin (another user)',
        as: 'owner',
        pathParams: user(ids.member),
      },
      { operationId: 'getUser', expect: 404, why: 'unknown user', pathParams: user(ids.unknown) },
      { operationId: 'createChat', expect: 403, why: 'not admin', as: 'owner', body: newChat },
      {
        operationId: 'createChat',
        expect: 404,
        why: 'unknown creator',
        body: { ...newChat, creator_id: ids.unknown },
      },
      {
        operationId: 'createChat',
        expect: 409,
        why: 'duplicate chat id',
        body: { ...newChat, id: ids.group },
      },
      { operationId: 'getChat', expect: 400, why: 'id over 128 characters', pathParams: chat(ids.tooLong) },
      { operationId: 'getChat', expect: 403, why: 'not admin', as: 'owner', pathParams: chat(ids.group) },
      { operationId: 'getChat', expect: 404, why: 'unknown chat', pathParams: chat(ids.unknown) },
      {
        operationId: 'addChatMembers',
        expect: 403,
        why: 'not admin',
        as: 'owner',
        body: { user_ids: [ids.outsider] },
        pathParams: chat(ids.group),
      },
      {
        operationId: 'addChatMembers',
        expect: 404,
        why: 'unknown chat',
        body: { user_ids: [ids.outsider] },
        pathParams: chat(ids.unknown),
      },
      {
        operationId: 'addChatMembers',
        expect: 409,
        why: 'single chat',
        body: { user_ids: [ids.outsider] },
        pathParams: chat(ids.direct),
      },
      {
        operationId: 'removeChatMember',
        expect: 400,
        why: 'id over 128 characters',
        pathParams: member(ids.tooLong, ids.member),
      },
      {
        operationId: 'removeChatMember',
        expect: 403,
        why: 'not admin',
        as: 'owner',
        pathParams: member(ids.group, ids.member),
      },
      {
        operationId: 'removeChatMember',
        expect: 404,
        why: 'not a member',
        pathParams: member(ids.group, ids.outsider),
      },
      {
        operationId: 'removeChatMember',
        expect: 409,
        why: 'the creator',
        pathParams: member(ids.group, ids.owner),
      },
      { operationId: 'createToken', expect: 403, why: 'not admin', as: 'owner', body: { sub: ids.owner } },
    ];
    await sendProbes(rt, probes);
  },
};
