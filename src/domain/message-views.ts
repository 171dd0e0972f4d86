import { userNums } from './access.ts';
import type { DomainContext } from './context.ts';
import { type Chat, defaultMemberState, type MemberState, type Message } from './model.ts';
import type { ChatWithMember } from './ports.ts';
import type { MessageView } from './views.ts';
import { isReadBy, isVisibleTo, otherSide } from './visibility.ts';

/** Everything needed to judge and render a batch of messages for one viewer. */
interface ViewerState {
  readonly chats: ReadonlyMap<string, Chat>;
  readonly members: ReadonlyMap<string, MemberState>;
  readonly hidden: ReadonlySet<number>;
  readonly focused: ReadonlySet<number>;
  readonly userNums: ReadonlyMap<string, number>;
}

/**
 * The chats (with the viewer's state in each) a caller has read already, so the hot read paths
 * fetch nothing twice: a read of one chat then costs the chat and the page, nothing more.
 */
export type KnownState = readonly ChatWithMember[];

async function loadViewerState(
  ctx: DomainContext,
  viewerId: string,
  messages: readonly Message[],
  known: KnownState,
): Promise<ViewerState> {
  const chats = new Map<string, Chat>();
  const members = new Map<string, MemberState>();
  const add = ({ chat, member }: { chat: Chat; member: MemberState | undefined }) => {
    chats.set(chat.id, chat);
    if (member) members.set(chat.id, member);
  };
  known.forEach(add);
  const missing = [...new Set(messages.map((m) => m.chatId))].filter((id) => !chats.has(id));
  const senderIds = [...new Set(messages.map((m) => m.senderId).filter((id) => id !== ''))];
  const [fetched, nums] = await Promise.all([
    missing.length > 0 ? ctx.store.chats.getManyWithMember(missing, viewerId) : [],
    userNums(ctx, senderIds),
  ]);
  fetched.forEach(add);
  const states = [...members.values()];
  return {
    chats,
    members,
    hidden: new Set(states.flatMap((m) => m.hidden)),
    focused: new Set(states.flatMap((m) => m.focused)),
    userNums: nums,
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
  known: KnownState = [],
): Promise<MessageView[]> {
  if (messages.length === 0) return [];
  const state = await loadViewerState(ctx, viewerId, messages, known);
  const views: MessageView[] = [];
  for (const message of messages) {
    const chat = state.chats.get(message.chatId);
    const member = state.members.get(message.chatId);
    if (chat && isVisibleTo(message, viewerId, chat, member, state.hidden)) {
      views.push(render(message, viewerId, chat, state));
    }
  }
  return views;
}

/** Renders a message for its own sender without visibility filtering (send results). */
export async function senderView(
  ctx: DomainContext,
  message: Message,
  known: { chat: Chat; member: MemberState | undefined },
): Promise<MessageView> {
  const state = await loadViewerState(
    ctx,
    message.senderId,
    [message],
    [{ chat: known.chat, member: known.member ?? defaultMemberState(known.chat.id, message.senderId) }],
  );
  return render(message, message.senderId, known.chat, state);
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
  known: KnownState = [],
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
