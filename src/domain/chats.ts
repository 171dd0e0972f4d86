import type { ChatService } from './chat-api.ts';
import type { DomainContext } from './context.ts';
import type { Chat, MemberState } from './model.ts';
import { requireIds } from './validation.ts';
import type { ChatView } from './views.ts';
import { isMember, otherSide } from './visibility.ts';

function chatView(chat: Chat, member: MemberState, viewerId: string): ChatView {
  return {
    ...chat,
    isTop: member.isTop,
    isMute: member.isMute,
    isShow: member.isHide ? 0 : 1,
    isHide: member.isHide,
    readSeq: member.readSeq,
    clearedSeq: member.clearedSeq,
    lastOnlineTime: member.lastOnlineTime,
    peerId: otherSide(chat, viewerId),
  };
}

/** Chat lists and details joined with the viewer's membership state (one read); non-members see nothing. */
export function createChatService(ctx: DomainContext): ChatService {
  const { store } = ctx;

  return {
    async mine(actor) {
      const chats = await store.chats.listForMember(actor.userId);
      chats.sort(
        ({ chat: a }, { chat: b }) =>
          b.lastTime - a.lastTime || b.createdAt - a.createdAt || a.id.localeCompare(b.id),
      );
      return chats.map(({ chat, member }) => chatView(chat, member, actor.userId));
    },
    async details(actor, chatIds) {
      const ids = requireIds(chatIds, 'ids');
      const found = new Map(
        (await store.chats.getManyWithMember(ids, actor.userId)).map((f) => [f.chat.id, f]),
      );
      return ids.flatMap((id) => {
        const entry = found.get(id);
        return entry && isMember(entry.chat, actor.userId)
          ? [chatView(entry.chat, entry.member, actor.userId)]
          : [];
      });
    },
    async recordOnline(actor) {
      const chats = await store.chats.listForMember(actor.userId);
      await store.members.setLastOnline(
        actor.userId,
        chats.map(({ chat }) => chat.id),
        ctx.now(),
      );
    },
  };
}
