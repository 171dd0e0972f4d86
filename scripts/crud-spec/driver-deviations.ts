/**
 * Tests that fail because of what the Node.js driver (mongodb 7.x) itself does, whatever the
 * server answers. They still run; a failure among them is counted apart from server failures,
 * and a pass is a pass. Evidence is the driver source (node_modules/mongodb/lib/...).
 */
const DEVIATIONS: Array<{ file: string; prefix: string; reason: string }> = [
  {
    file: 'bypassDocumentValidation.json',
    prefix: '',
    reason:
      'the driver sends bypassDocumentValidation only when true (operations/aggregate.js, ' +
      'operations/find_and_modify.js, bulk/common.js), and these tests check that it sends false',
  },
  {
    file: 'create-null-ids.json',
    prefix: 'inserting _id with type null',
    reason:
      'the driver replaces `_id: null` with a new ObjectId before sending (utils.js maybeAddIdToDocuments: ' +
      '`_id == null`; client bulk write: operations/client_bulk_write/command_builder.js `_id ?? createPk()`)',
  },
  {
    file: 'client-bulkWrite-partialResults.json',
    prefix: 'partialResult is unset',
    reason:
      'the driver sets partialResult on every client bulk write error, also when no write succeeded ' +
      '(operations/client_bulk_write/results_merger.js merge: `error.partialResult = this.result`)',
  },
];

/** Why the driver makes this test fail, or undefined when the server alone decides it. */
export function driverDeviation(file: string, description: string): string | undefined {
  return DEVIATIONS.find((entry) => entry.file === file && description.startsWith(entry.prefix))?.reason;
}
