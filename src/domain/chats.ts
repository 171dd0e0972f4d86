import type { ChatService } from './chat-api.ts';
import type { DomainContext } from './context.ts';
import { type Chat, defaultMemberState, type MemberState } from './model.ts';
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

/** Chat lists and details joined with the viewer's membership state; non-members see nothing. */
export function createChatService(ctx: DomainContext): ChatService {
  const { store } = ctx;

  async function views(viewerId: string, chats: readonly Chat[]): Promise<ChatView[]> {
    const states = new Map(
      (
        await store.members.getMany(
          viewerId,
          chats.map((chat) => chat.id),
        )
      ).map((m) => [m.chatId, m]),
    );
    return chats.map((chat) =>
      chatView(chat, states.get(chat.id) ?? defaultMemberState(chat.id, viewerId), viewerId),
    );
  }

  return {
    async mine(actor) {
      const chats = await store.chats.listForMember(actor.userId);
      chats.sort((a, b) => b.lastTime - a.lastTime || b.createdAt - a.createdAt || a.id.localeCompare(b.id));
      return views(actor.userId, chats);
    },
    async details(actor, chatIds) {
      const ids = requireIds(chatIds, 'ids');
      const found = new Map((await store.chats.getMany(ids)).map((chat) => [chat.id, chat]));
      const visible = ids.flatMap((id) => {
        const chat = found.get(id);
        return chat && isMember(chat, actor.userId) ? [chat] : [];
      });
      return views(actor.userId, visible);
    },
    async recordOnline(actor) {
      const chats = await store.chats.listForMember(actor.userId);
      await store.members.setLastOnline(
        actor.userId,
        chats.map((chat) => chat.id),
        ctx.now(),
      );
    },
  };
}
