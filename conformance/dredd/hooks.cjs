// Dredd hooks for imgate (second opinion next to imgate-conformance): every transaction gets the
// bearer token, and sample ids in request examples are replaced by provisioned fixtures.
// Env: IMGATE_TOKEN (a member's token), IMGATE_ADMIN_TOKEN, IMGATE_CHAT_ID (a group chat the member is in).
const hooks = require('hooks');

const token = process.env.IMGATE_TOKEN ?? '';
const adminToken = process.env.IMGATE_ADMIN_TOKEN ?? token;
const chatId = process.env.IMGATE_CHAT_ID ?? '';

hooks.beforeEach(function authorise(transaction) {
  const admin =
    transaction.request.uri.startsWith('/admin') || transaction.request.uri.includes('clear-chat-ids');
  transaction.request.headers.Authorization = `Bearer ${admin ? adminToken : token}`;
  if (!chatId || !transaction.request.body) return;
  transaction.request.body = transaction.request.body.replaceAll('s_a7be32fecc0b2015', chatId);
});
