import { allOperations, type Operation } from './spec-loader.ts';

/** One documented request example, ready to send as written. */
export interface ExampleRequest {
  /** `<variant> <operationId> <example name>`. */
  readonly name: string;
  readonly variant: string;
  readonly operationId: string;
  readonly method: string;
  /** The path with every path parameter replaced by its documented `example`. */
  readonly path: string;
  readonly contentType: string | undefined;
  readonly value: unknown;
  /** The lowest documented 2xx status. */
  readonly expected: number;
}

function documentedSuccess(op: Operation): number {
  const codes = Object.keys(op.operation.responses)
    .map(Number)
    .filter((code) => code >= 200 && code < 300)
    .sort((a, b) => a - b);
  const first = codes[0];
  if (first === undefined) throw new Error(`${op.variant} ${op.path}: no documented 2xx`);
  return first;
}

function examplePath(op: Operation): string {
  let path = op.path;
  for (const parameter of op.operation.parameters ?? []) {
    if (parameter.in !== 'path') continue;
    const { example } = parameter;
    if (typeof example !== 'string' && typeof example !== 'number') {
      throw new Error(`${op.path}: path parameter ${parameter.name} has no string or number example`);
    }
    path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(example)));
  }
  return path;
}

/**
 * Every request example of every document, in document order (the order Swagger UI shows), with
 * the path parameters' examples filled in. An operation without a request body is one request with
 * no body; a body that is required but has no example is an error (nothing to execute as written).
 */
export function exampleRequests(): ExampleRequest[] {
  return allOperations().flatMap((op): ExampleRequest[] => {
    const operationId = op.operation.operationId ?? `${op.method} ${op.path}`;
    const base = {
      variant: op.variant,
      operationId,
      method: op.method.toUpperCase(),
      path: examplePath(op),
      expected: documentedSuccess(op),
    };
    const content = Object.entries(op.operation.requestBody?.content ?? {});
    const examples = content.flatMap(([contentType, media]) =>
      Object.entries(media.examples ?? {}).map(([name, example]) => ({
        ...base,
        name: `${op.variant} ${operationId} ${name}`,
        contentType,
        value: example.value,
      })),
    );
    if (examples.length > 0) return examples;
    if (op.operation.requestBody?.required)
      throw new Error(`${op.variant} ${operationId}: a required body without examples`);
    return [
      { ...base, name: `${op.variant} ${operationId} (no body)`, contentType: undefined, value: undefined },
    ];
  });
}

/** The `fetch` init that sends an example's body as its media type says (JSON or multipart fields). */
export function exampleInit(request: ExampleRequest, token: string): RequestInit {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (request.contentType === undefined) return { method: request.method, headers };
  if (request.contentType === 'multipart/form-data') {
    const form = new FormData();
    for (const [field, text] of Object.entries(request.value as Record<string, string>))
      form.set(field, text);
    return { method: request.method, headers, body: form };
  }
  headers.set('content-type', request.contentType);
  return { method: request.method, headers, body: JSON.stringify(request.value) };
}
