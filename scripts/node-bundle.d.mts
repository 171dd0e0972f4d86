import type { BuildOptions } from 'esbuild';

export declare const EXTERNAL: readonly string[];
export declare function nodeBundle(entry: string, outfile: string): BuildOptions;
