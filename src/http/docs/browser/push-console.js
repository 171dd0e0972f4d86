// The live push console of /docs (served as /docs/assets/push-console.js; see src/http/docs/swagger-page.ts).
// With the bearer token given to Swagger UI's Authorize, it opens /ws and lists every frame as it arrives,
// pretty-printed, validated against the message payloads of /asyncapi.json (Ajv), and filterable by event.
/* global window, document, fetch, WebSocket, location, setTimeout */
(() => {
  const state = { token: null, socket: null, validators: [], schemaError: null, count: 0 };
  const el = {};

  const byId = (id) => document.getElementById(id);

  function setStatus(text, kind) {
    el.status.textContent = text;
    el.status.setAttribute('data-state', kind);
  }

  /** The event a frame is about: the seed `status`, or the canonical `kind`. */
  function eventOf(frame) {
    if (typeof frame?.status === 'string') return frame.status;
    if (typeof frame?.kind === 'string') return frame.kind;
    return 'unknown';
  }

  function resolvePointer(doc, ref) {
    return ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }

  async function loadValidators() {
    try {
      const doc = await (await fetch('/asyncapi.json')).json();
      const Ajv = window.ajv7?.default ?? window.ajv7;
      const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
      ajv.addSchema(doc, 'push');
      const messages = doc.components?.messages ?? {};
      state.validators = Object.keys(messages).map((name) => {
        const payload = messages[name].payload ?? {};
        const target = payload.$ref ? resolvePointer(doc, payload.$ref) : payload;
        return {
          name,
          status: target?.properties?.status?.const,
          validate: ajv.getSchema(`push#/components/messages/${name}/payload`),
        };
      });
    } catch (error) {
      state.schemaError = String(error);
    }
  }

  /** `{valid, message, errors}`: the first AsyncAPI message whose payload the frame satisfies. */
  function validate(frame) {
    if (state.schemaError)
      return { valid: false, message: '', errors: `schema not loaded: ${state.schemaError}` };
    let best = null;
    for (const v of state.validators) {
      if (v.validate(frame)) return { valid: true, message: v.name, errors: '' };
      if (!best || v.status === frame?.status) best = { v, errors: v.validate.errors ?? [] };
    }
    if (!best) return { valid: false, message: '', errors: 'no message in /asyncapi.json' };
    const errors = best.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    return { valid: false, message: best.v.name, errors: `${best.v.name}: ${errors}` };
  }

  function applyFilter(item) {
    const wanted = el.filter.value;
    item.hidden = wanted !== '' && item.getAttribute('data-event') !== wanted;
  }

  function parse(data) {
    try {
      return JSON.parse(data);
    } catch {
      return undefined;
    }
  }

  function show(data) {
    const frame = parse(data);
    const result = frame === undefined ? { valid: false, message: '', errors: 'not JSON' } : validate(frame);
    const event = frame === undefined ? 'unknown' : eventOf(frame);
    const item = document.createElement('li');
    item.className = 'push-frame';
    item.setAttribute('data-event', event);
    item.setAttribute('data-valid', String(result.valid));
    item.setAttribute('data-message', result.message);
    const head = document.createElement('div');
    head.className = 'push-frame-head';
    const time = document.createElement('time');
    time.textContent = new Date().toLocaleTimeString();
    const name = document.createElement('strong');
    name.textContent = event;
    const badge = document.createElement('span');
    badge.className = `push-badge ${result.valid ? 'push-badge-ok' : 'push-badge-bad'}`;
    badge.textContent = result.valid ? `valid ${result.message}` : 'invalid';
    badge.title = result.valid ? `matches #/components/messages/${result.message}` : result.errors;
    head.append(time, ' ', name, ' ', badge);
    const body = document.createElement('pre');
    body.textContent = frame === undefined ? data : JSON.stringify(frame, null, 2);
    item.append(head, body);
    if (!result.valid) {
      const why = document.createElement('div');
      why.className = 'push-errors';
      why.textContent = result.errors;
      item.append(why);
    }
    applyFilter(item);
    el.frames.prepend(item);
    state.count += 1;
    el.count.textContent = String(state.count);
  }

  function disconnect() {
    if (!state.socket) return;
    state.socket.onclose = null;
    state.socket.close(1000);
    state.socket = null;
  }

  function connect() {
    disconnect();
    if (!state.token) {
      setStatus('not connected: press Authorize (or pick a sandbox token) to open /ws', 'idle');
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const format = el.format.value;
    const socket = new WebSocket(
      `${scheme}//${location.host}/ws?format=${format}&token=${encodeURIComponent(state.token)}`,
    );
    state.socket = socket;
    setStatus('connecting…', 'connecting');
    socket.onopen = () => setStatus(`connected to /ws (format=${format})`, 'open');
    socket.onmessage = (message) => show(String(message.data));
    socket.onclose = (event) => {
      state.socket = null;
      setStatus(
        `closed (${event.code}${event.reason ? ` ${event.reason}` : ''}): Authorize again to reconnect`,
        'closed',
      );
    };
  }

  /** Reads the bearer token Swagger UI holds and (re)connects when it changed. */
  function syncToken() {
    const value = window.ui?.authSelectors?.authorized()?.getIn?.(['bearerAuth', 'value']);
    const token = typeof value === 'string' && value !== '' ? value : null;
    if (token === state.token && state.socket) return;
    state.token = token;
    connect();
  }

  const later = () => setTimeout(syncToken, 0);

  /** A Swagger UI plug-in: every authorize, logout or restored authorization re-syncs the console. */
  window.ImgatePushConsolePlugin = () => {
    const wrap =
      (original) =>
      (...args) => {
        const result = original(...args);
        later();
        return result;
      };
    return {
      statePlugins: { auth: { wrapActions: { authorize: wrap, logout: wrap, restoreAuthorization: wrap } } },
    };
  };

  async function sandboxTokens() {
    const response = await fetch('/docs/sandbox-tokens');
    if (!response.ok) return;
    const { users = [] } = await response.json();
    if (users.length === 0) return;
    el.sandbox.hidden = false;
    for (const user of users) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sandbox-token';
      button.setAttribute('data-user', user.id);
      button.textContent = user.name;
      button.title = `${user.id}: ${user.role}`;
      button.onclick = () => {
        window.ui.preauthorizeApiKey('bearerAuth', user.token);
        later();
      };
      el.sandboxUsers.append(button);
    }
  }

  window.addEventListener('load', () => {
    el.status = byId('push-status');
    el.frames = byId('push-frames');
    el.filter = byId('push-filter');
    el.format = byId('push-format');
    el.count = byId('push-count');
    el.sandbox = byId('sandbox');
    el.sandboxUsers = byId('sandbox-users');
    el.filter.onchange = () => {
      for (const item of el.frames.children) applyFilter(item);
    };
    el.format.onchange = connect;
    byId('push-clear').onclick = () => {
      el.frames.textContent = '';
      state.count = 0;
      el.count.textContent = '0';
    };
    sandboxTokens().catch(() => {});
    loadValidators().then(syncToken, syncToken);
  });
})();
