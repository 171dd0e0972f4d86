// How imgate links compiled JavaScript into one file with esbuild (scripts/bundle.mjs for the
// gateway, bench/startup for its minimal server): ESM for Node 20, nothing transformed, a few
// packages left to load at run time.

/** Loaded at run time from node_modules: optional native or cloud add-ons, and packages that read their own files. */
export const EXTERNAL = [
  'swagger-ui-dist',
  'kerberos',
  'snappy',
  '@mongodb-js/zstd',
  'mongodb-client-encryption',
  'aws4',
  'gcp-metadata',
  'socks',
  '@aws-sdk/credential-providers',
  'bufferutil',
  'utf-8-validate',
];

/** esbuild options linking `entry` and everything it imports into `outfile`. */
export function nodeBundle(entry, outfile) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: EXTERNAL,
    logLevel: 'warning',
    // CommonJS dependencies call `require`; an ES module has none of its own.
    banner: {
      js: "import { createRequire as __imgateRequire } from 'node:module'; const require = __imgateRequire(import.meta.url);",
    },
  };
}
