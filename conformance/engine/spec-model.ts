/**
 * The engine's view of an OpenAPI operation: only what cases and checks need, each piece with the
 * JSON pointer of the node it came from (`openapi/imchat.yaml#/paths/~1im.chat~1send/post`).
 */
import type { DeclaredPromise } from './promise-model.ts';

export type Schema = Readonly<Record<string, unknown>>;

export interface NamedExample {
  readonly name: string;
  readonly value: unknown;
}

export interface MediaSpec {
  readonly mediaType: string;
  readonly schema: Schema | undefined;
  readonly examples: readonly NamedExample[];
  readonly pointer: string;
}

export interface HeaderSpec {
  readonly name: string;
  readonly required: boolean;
  readonly schema: Schema | undefined;
  readonly pointer: string;
}

export interface ResponseSpec {
  /** `200`, `4XX` or `default`, as written in the document. */
  readonly status: string;
  readonly media: readonly MediaSpec[];
  readonly headers: readonly HeaderSpec[];
  readonly pointer: string;
}

/** An OpenAPI link: the next operation and how to fill its body from this response. */
export interface LinkSpec {
  readonly name: string;
  readonly operationId: string;
  readonly requestBody: unknown;
  readonly parameters: Readonly<Record<string, unknown>>;
}

export interface Operation {
  readonly variant: string;
  readonly file: string;
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly pointer: string;
  readonly summary: string;
  readonly requestBody: { readonly required: boolean; readonly media: readonly MediaSpec[] } | undefined;
  readonly responses: readonly ResponseSpec[];
  /** True when a credential is required (a security requirement without an empty alternative). */
  readonly secured: boolean;
  readonly securityScopes: readonly string[];
  /** `x-emits`: push event kinds this operation must produce when it succeeds. */
  readonly emits: readonly string[];
  readonly links: readonly LinkSpec[];
  /** `x-imgate-promises`: the behavioural promises of this operation. */
  readonly promises: readonly DeclaredPromise[];
  readonly extensions: Readonly<Record<string, unknown>>;
}

/** One loaded OpenAPI document: a variant the server claims. */
export interface ApiSpec {
  readonly variant: string;
  readonly file: string;
  readonly title: string;
  readonly operations: readonly Operation[];
}

/** A push message kind from the AsyncAPI document, keyed by its discriminating value. */
export interface PushMessageSpec {
  readonly name: string;
  /** The value events of this kind carry in their discriminator (`status: send message`). */
  readonly kind: string;
  readonly payload: Schema;
  readonly pointer: string;
  /** `x-imgate-promises` of the message (which field names the actor …). */
  readonly promises: readonly DeclaredPromise[];
}

export interface PushSpec {
  readonly file: string;
  /** Path of the channel on the server (`/ws`). */
  readonly address: string;
  /** Field that tells event kinds apart (`status`). */
  readonly discriminator: string;
  readonly messages: readonly PushMessageSpec[];
  /** `x-imgate-promises` of the channel: delivery, audience, at most once, authentication. */
  readonly promises: readonly DeclaredPromise[];
}

/** Everything the run checks against. */
export interface SpecSet {
  readonly apis: readonly ApiSpec[];
  readonly push: PushSpec | undefined;
}

/** Status-code lookup honouring `2XX` ranges and `default`, as OpenAPI 3.0 defines it. */
export function findResponse(operation: Operation, status: number): ResponseSpec | undefined {
  const exact = operation.responses.find((r) => r.status === String(status));
  if (exact) return exact;
  const range = operation.responses.find((r) => r.status.toUpperCase() === `${String(status)[0]}XX`);
  return range ?? operation.responses.find((r) => r.status === 'default');
}
