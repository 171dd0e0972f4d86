import { relative, resolve } from 'node:path';
import { fromFile, Parser } from '@asyncapi/parser';
import { SpecError } from './errors.ts';
import type { PushMessageSpec, PushSpec } from './spec-model.ts';

type Node = Record<string, unknown>;

/** Spectral's severity for errors (the parser's diagnostics: 0 error, 1 warning, 2 information, 3 hint). */
const SPECTRAL_ERROR = 0;

function singleValue(schema: Node): string | undefined {
  if (typeof schema.const === 'string') return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length === 1 && typeof schema.enum[0] === 'string') {
    return schema.enum[0];
  }
  return undefined;
}

const propertyOf = (payload: Node, name: string): Node =>
  ((payload.properties ?? {}) as Record<string, Node>)[name] ?? {};

/**
 * The property whose single allowed value tells the most message kinds apart (`status`). Messages
 * without it belong to another connect-time format (e.g. `?format=canonical`) and are not checked:
 * the suite connects with the channel's default format.
 */
function findDiscriminator(payloads: readonly Node[]): string {
  const names = new Set(payloads.flatMap((p) => Object.keys((p.properties ?? {}) as Node)));
  let best = { name: 'type', kinds: 0 };
  for (const name of names) {
    const values = payloads.map((p) => singleValue(propertyOf(p, name))).filter((v) => v !== undefined);
    const distinct = new Set(values).size === values.length;
    if (distinct && values.length > best.kinds) best = { name, kinds: values.length };
  }
  return best.name;
}

/**
 * Loads the AsyncAPI 3 document with @asyncapi/parser (which validates it and resolves `$ref`s)
 * and keeps what the push checks need: the channel address and each message's payload schema.
 */
export async function loadAsyncApi(file: string): Promise<PushSpec> {
  const shown = relative(process.cwd(), file) || file;
  const parser = new Parser();
  const { document, diagnostics } = await fromFile(parser, resolve(file)).parse();
  if (!document) {
    const errors = diagnostics
      .filter((d) => Number(d.severity) === SPECTRAL_ERROR)
      .map((d) => `${d.path.join('/')}: ${d.message}`);
    throw new SpecError(`invalid AsyncAPI document: ${errors.slice(0, 3).join('; ')}`, shown, '#');
  }
  const channel = document.channels().all()[0];
  if (!channel) throw new SpecError('no channel', shown, '#/channels');
  const messages = document.messages().all();
  const payloads = messages.map((m) => m.payload()?.json<Node>() ?? {});
  const discriminator = findDiscriminator(payloads);
  const specs: PushMessageSpec[] = messages.flatMap((m, i) => {
    const payload = payloads[i] ?? {};
    const kind = singleValue(propertyOf(payload, discriminator));
    if (kind === undefined) return [];
    return [
      {
        name: m.name() ?? m.id(),
        kind,
        payload,
        pointer: `#/components/messages/${m.id()}`,
      },
    ];
  });
  const address = channel.address() ?? '/';
  const pathname = document.servers().all()[0]?.pathname() ?? '';
  const joined = `/${pathname}/${address}`.replace(/\/+/g, '/');
  const path = joined.length > 1 ? joined.replace(/\/$/, '') : joined;
  return { file: shown, address: path, discriminator, messages: specs };
}
