/** The development sandbox: example users, chats and messages that the documents' examples name. */
export {
  ALICE,
  BOB,
  CAROL,
  DIRECT_CHAT,
  GROUP_CHAT,
  SANDBOX_USERS,
  type SandboxUser,
  SCRATCH_CHAT,
} from './sandbox-data.ts';
export { seedSandbox } from './seed-sandbox.ts';
