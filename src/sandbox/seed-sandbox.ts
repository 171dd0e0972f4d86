import { type Actor, type ImDomain, isDomainError } from '../domain/index.ts';
import { SANDBOX_CHATS, SANDBOX_MESSAGES, SANDBOX_USERS } from './sandbox-data.ts';

const SEEDER: Actor = { userId: 'imgate-sandbox', isAdmin: true };

async function sandboxPresent(domain: ImDomain): Promise<boolean> {
  const first = SANDBOX_USERS[0];
  if (!first) return true;
  try {
    await domain.provisioning.getUser(SEEDER, first.id);
    return true;
  } catch (error) {
    if (isDomainError(error) && error.kind === 'not_found') return false;
    throw error;
  }
}

/**
 * Creates the development sandbox (`sandbox-data.ts`) through the domain's own use cases, so its
 * messages get sequences, numbers and events like any other; returns false when its first user
 * already exists (a store that has been started before), leaving the store untouched.
 */
export async function seedSandbox(domain: ImDomain): Promise<boolean> {
  if (await sandboxPresent(domain)) return false;
  for (const user of SANDBOX_USERS)
    await domain.provisioning.createUser(SEEDER, { id: user.id, name: user.name });
  for (const chat of SANDBOX_CHATS) {
    await domain.provisioning.createChat(SEEDER, {
      id: chat.id,
      type: chat.type,
      creatorId: chat.creatorId,
      memberIds: chat.memberIds,
    });
  }
  for (const message of SANDBOX_MESSAGES) {
    await domain.messaging.send(
      { userId: message.fromId, isAdmin: false },
      {
        to: { kind: 'chat', chatId: message.chatId },
        clientId: message.clientId,
        content: message.content,
        ...(message.isEnc !== undefined ? { isEnc: message.isEnc } : {}),
        ...(message.receiveIds ? { receiveIds: message.receiveIds } : {}),
      },
    );
  }
  return true;
}
