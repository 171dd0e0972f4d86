import { z } from '@hono/zod-openapi';
import { recordOperations } from '../../generated/record/operations.ts';

/**
 * The multipart body of `/record/push` and `/record/push2` as the document describes it
 * (`openapi/components/record-schemas.yaml#/PushReq`: "the JSON frame, as a file part or a plain
 * form field"). The generated schema types `file` as a file part only, so these routes accept a
 * plain field as well; the frame itself is checked by `readFrame`.
 */
export const FilePartSchema = z.strictObject({
  file: z.union([z.file(), z.string()], {
    error: 'missing: expected the multipart part `file` (a file or a form field) holding the JSON frame',
  }),
});

type PushRoute = typeof recordOperations.recordPush | typeof recordOperations.recordPush2;

/** A generated push route whose multipart `file` may also be a plain form field. */
function acceptingPlainField<Route extends PushRoute>(route: Route) {
  const { body } = route.request;
  const multipart = body.content['multipart/form-data'];
  return {
    ...route,
    request: {
      ...route.request,
      body: { ...body, content: { 'multipart/form-data': { ...multipart, schema: FilePartSchema } } },
    },
  };
}

/**
 * The operations of `openapi/record.yaml` as the gateway serves them: the generated routes, with
 * the two multipart ones widened by `acceptingPlainField`. Same operationIds, paths and responses.
 */
export const recordRoutes = {
  ...recordOperations,
  recordPush: acceptingPlainField(recordOperations.recordPush),
  recordPush2: acceptingPlainField(recordOperations.recordPush2),
};
