/**
 * The V8 flags `imgate` runs with (bin/imgate.mjs, `npm start`; why: docs/embedded-mongo.md).
 * Benchmarks run the gateway as it ships, and every server it is compared with under the same flags.
 */
export const IMGATE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
