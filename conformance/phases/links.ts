import { performCase } from '../engine/exchange.ts';
import { tokenFor } from '../engine/fixture-types.ts';
import type { Exchange } from '../engine/http-client.ts';
import { readPointer } from '../engine/json-pointer.ts';
import { createRng, hashSeed } from '../engine/prng.ts';
import { findOperation, fixturesFor, type RunContext } from '../engine/run-context.ts';
import { boundPathParams } from '../generators/bindings.ts';
import { positiveBody, requestMedia } from '../generators/body.ts';

const EXPRESSION = /^\{?\$(request|response)\.body#(\/[^}]*)?\}?$/;

/** Evaluates OpenAPI runtime expressions (`{$response.body#/msg_index}`) inside a link's requestBody. */
export function evaluateLink(template: unknown, exchange: Exchange): unknown {
  if (typeof template === 'string') {
    const match = EXPRESSION.exec(template);
    if (!match) return template;
    const source = match[1] === 'request' ? exchange.request.body : exchange.response.json;
    return readPointer(source, `#${match[2] ?? ''}`);
  }
  if (Array.isArray(template)) return template.map((t) => evaluateLink(t, exchange));
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, evaluateLink(v, exchange)]));
  }
  return template;
}

/** A link's `parameters` evaluated against the source exchange, as path parameters of the next call. */
function linkParameters(
  parameters: Readonly<Record<string, unknown>>,
  exchange: Exchange,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(parameters).map(([name, template]) => [name, String(evaluateLink(template, exchange))]),
  );
}

/**
 * The link-driven part of the stateful phase: every operation that documents `links` is called
 * with a valid body, and each link is followed with the values the response gave.
 */
export async function runLinks(ctx: RunContext): Promise<void> {
  const fixtures = await fixturesFor(ctx, 'stateful');
  const rng = createRng(hashSeed(ctx.seed, 'links'));
  for (const operation of ctx.operations.filter((o) => o.links.length > 0)) {
    const media = requestMedia(operation);
    const body = media?.schema
      ? positiveBody(operation, media.schema, fixtures.bindings, undefined, 'none', rng)
      : undefined;
    const token = tokenFor(fixtures, operation);
    const base = { phase: 'stateful', caseKind: 'positive' as const, mediaType: media?.mediaType, token };
    const pathParams = boundPathParams(fixtures.bindings, operation, rng);
    const exchange = await performCase(ctx, operation, { ...base, label: 'link source', body, pathParams });
    if (exchange.response.status < 200 || exchange.response.status >= 300) continue;
    for (const link of operation.links) {
      const next = findOperation(ctx, link.operationId);
      if (!next) continue;
      await performCase(ctx, next, {
        ...base,
        label: `link ${operation.operationId} -> ${link.name}`,
        body: evaluateLink(link.requestBody, exchange),
        pathParams: linkParameters(link.parameters, exchange),
        mediaType: requestMedia(next)?.mediaType,
        token: tokenFor(fixtures, next),
      });
    }
  }
}
