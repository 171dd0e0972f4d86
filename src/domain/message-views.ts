import type { DomainContext } from './context.ts';
import type { Chat, MemberState, Message } from './model.ts';
import type { MessageView } from './views.ts';
import { isReadBy, isVisibleTo, otherSide } from './visibility.ts';

/** Everything needed to judge and render a batch of messages for one viewer, loaded in bulk. */
interface ViewerState {
  readonly chats: ReadonlyMap<string, Chat>;
  readonly members: ReadonlyMap<string, MemberState>;
  readonly hidden: ReadonlySet<number>;
  readonly focused: ReadonlySet<number>;
  readonly userNums: ReadonlyMap<string, number>;
}

/**
 * What a caller has loaded already (the viewer's chats and its member states in them), so the
 * hot read paths do not fetch it twice.
 */
export interface KnownState {
  readonly chats?: readonly Chat[];
  readonly members?: readonly MemberState[];
}

async function loadViewerState(
  ctx: DomainContext,
  viewerId: string,
  messages: readonly Message[],
  known: KnownState,
): Promise<ViewerState> {
  const { store } = ctx;
  const chats = new Map((known.chats ?? []).map((chat) => [chat.id, chat]));
  const missing = [...new Set(messages.map((m) => m.chatId))].filter((id) => !chats.has(id));
  for (const chat of await store.chats.getMany(missing)) chats.set(chat.id, chat);
  const knownMembers = known.members ?? [];
  const unknownMembers = [...chats.keys()].filter((id) => !knownMembers.some((m) => m.chatId === id));
  const nums = messages.map((m) => m.num);
  const senderIds = [...new Set(messages.map((m) => m.senderId).filter((id) => id !== ''))];
  const [fetchedMembers, hidden, focused, senders] = await Promise.all([
    unknownMembers.length > 0 ? store.members.getMany(viewerId, unknownMembers) : [],
    store.hidden.hiddenAmong(viewerId, nums),
    store.focus.focusedAmong(viewerId, nums),
    store.users.getMany(senderIds),
  ]);
  return {
    chats,
    members: new Map([...knownMembers, ...fetchedMembers].map((member) => [member.chatId, member])),
    hidden,
    focused,
    userNums: new Map(senders.map((user) => [user.id, user.num])),
  };
}

function render(message: Message, viewerId: string, chat: Chat, state: ViewerState): MessageView {
  return {
    num: message.num,
    clientId: message.gap ? '' : message.clientId,
    chatId: chat.id,
    chatNum: chat.num,
    chatType: chat.type,
    seq: message.seq,
    senderId: message.senderId,
    senderNum: state.userNums.get(message.senderId) ?? 0,
    targetId: otherSide(chat, message.senderId),
    peerId: otherSide(chat, viewerId),
    content: message.content,
    extra: message.extra,
    type: message.type,
    isEnc: message.isEnc,
    receiveIds: message.receiveIds,
    createdAt: message.createdAt,
    recall: message.recall,
    isRead: isReadBy(message, viewerId, state.members.get(chat.id)),
    focused: state.focused.has(message.num),
    gap: message.gap,
  };
}

/**
 * The messages `viewerId` may see, in the given order, rendered for it. `known` saves round
 * trips when the caller has the chats (and member states) already.
 */
export async function visibleViews(
  ctx: DomainContext,
  viewerId: string,
  messages: readonly Message[],
  known: KnownState = {},
): Promise<MessageView[]> {
  if (messages.length === 0) return [];
  const state = await loadViewerState(ctx, viewerId, messages, known);
  return messages.flatMap((message) => {
    const chat = state.chats.get(message.chatId);
    const visible = isVisibleTo(message, viewerId, chat, state.members.get(message.chatId), state.hidden);
    return visible && chat ? [render(message, viewerId, chat, state)] : [];
  });
}

/** Renders a message for its own sender without visibility filtering (send results). */
export async function senderView(ctx: DomainContext, message: Message, chat: Chat): Promise<MessageView> {
  const state = await loadViewerState(ctx, message.senderId, [message], { chats: [chat] });
  return render(message, message.senderId, chat, state);
}

/** Renders a message its sender has just stored: nobody can have hidden or starred it yet. */
export function freshView(message: Message, chat: Chat, senderNum: number): MessageView {
  const state: ViewerState = {
    chats: new Map([[chat.id, chat]]),
    members: new Map(),
    hidden: new Set(),
    focused: new Set(),
    userNums: new Map([[message.senderId, senderNum]]),
  };
  return render(message, message.senderId, chat, state);
}

/**
 * Pages through a store query until `limit` visible messages are found or the query runs dry:
 * hides and cleared marks are applied after the query, so one page may come back short.
 */
export async function collectVisible(
  ctx: DomainContext,
  viewerId: string,
  limit: number,
  fetchPage: (after: Message | undefined, pageSize: number) => Promise<Message[]>,
  known: KnownState = {},
): Promise<MessageView[]> {
  const views: MessageView[] = [];
  let last: Message | undefined;
  for (;;) {
    const pageSize = Math.max(limit - views.length, 20);
    const page = await fetchPage(last, pageSize);
    views.push(...(await visibleViews(ctx, viewerId, page, known)));
    last = page.at(-1);
    if (views.length >= limit || page.length < pageSize) return views.slice(0, limit);
  }
}
