import type { ChatView } from '../../domain/index.ts';

/** One item of `/chat/mine-list` (`openapi/components/messages-schemas.yaml#/ChatMembership`). */
export function membershipToWire(view: ChatView) {
  return {
    id: view.id,
    chat_id: view.id,
    is_top: view.isTop,
    is_mute: view.isMute,
    is_show: view.isShow,
    is_hide: view.isHide,
    max_read_seq: view.readSeq,
    last_online_time: view.lastOnlineTime,
    chat_num: view.num,
  };
}

/** One item of `/chat/detail` (`openapi/components/messages-schemas.yaml#/ChatDetail`). */
export function chatDetailToWire(view: ChatView) {
  return {
    id: view.id,
    creator_id: view.creatorId,
    type: view.type,
    status: view.status,
    is_enc: view.isEnc,
    last_read_sequence: view.readSeq,
    last_sequence: view.lastSeq,
    last_time: view.lastTime,
    created_at: view.createdAt,
    chat_num: view.num,
  };
}
