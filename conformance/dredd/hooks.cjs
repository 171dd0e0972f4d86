// Dredd hooks for imgate: Dredd is the independent second opinion next to imgate-conformance.
// Every transaction gets a bearer token, and the sample ids of the documented request examples are
// replaced by fixtures provisioned through the admin API before Dredd starts. The fixtures come
// from the JSON file named by IMGATE_DREDD_FIXTURES:
//   { "token": "<member JWT>", "adminToken": "<admin JWT>",
//     "requests": { "POST /message/send": { "body": {…merged…}, "multipart": {…}, "uri": "/…" } } }
// Skipped, by one rule: every non-2xx transaction. Dredd makes one transaction per documented
// status from the same static request example, and one request cannot get 200, 400, 403, 404 …
// at once; imgate-conformance reaches each of those statuses on purpose (refusal flows, boundary,
// auth and over-the-limit cases). Every 2xx transaction runs.
const { readFileSync } = require('node:fs');
const hooks = require('hooks');

const fixtures = JSON.parse(readFileSync(process.env.IMGATE_DREDD_FIXTURES ?? '', 'utf8'));
const ADMIN_ONLY = /^\/admin\/|^\/messages\/clear-chat-ids$/;
const BOUNDARY = 'imgate-dredd-boundary';

function multipartBody(fields) {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return `${parts.join('')}--${BOUNDARY}--\r\n`;
}

// Dredd 14 gets no schema from an OpenAPI 3 example response and checks the real body against the
// example's keys. Keys of a map (`recalls: {"1": 7, "2": 19}`) are data, not structure: such maps
// are emptied in the expectation, so only their presence is compared.
function withoutMapKeys(value) {
  if (Array.isArray(value)) return value.map(withoutMapKeys);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) return {};
  return Object.fromEntries(keys.map((k) => [k, withoutMapKeys(value[k])]));
}

function loosenMapKeys(transaction) {
  if (!transaction.expected.body || transaction.expected.bodySchema) return;
  try {
    transaction.expected.body = JSON.stringify(withoutMapKeys(JSON.parse(transaction.expected.body)));
  } catch {
    // not JSON: Dredd compares it as text
  }
}

hooks.beforeEach(function provisionTransaction(transaction) {
  if (!String(transaction.expected.statusCode).startsWith('2')) {
    transaction.skip = true; // a static example gets one status only: see the rule above
    return;
  }
  const template = transaction.origin.resourceName;
  const admin = ADMIN_ONLY.test(template);
  transaction.request.headers.Authorization = `Bearer ${admin ? fixtures.adminToken : fixtures.token}`;
  loosenMapKeys(transaction);
  const rewrite = fixtures.requests[`${transaction.request.method} ${template}`];
  if (!rewrite) return;
  if (rewrite.uri) {
    transaction.fullPath = rewrite.uri;
    transaction.request.uri = rewrite.uri;
  }
  if (rewrite.body) {
    const example = transaction.request.body ? JSON.parse(transaction.request.body) : {};
    transaction.request.body = JSON.stringify({ ...example, ...rewrite.body });
  }
  if (rewrite.multipart) {
    transaction.request.headers['Content-Type'] = `multipart/form-data; boundary=${BOUNDARY}`;
    transaction.request.body = multipartBody(rewrite.multipart);
  }
});
