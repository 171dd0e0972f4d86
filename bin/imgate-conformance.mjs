#!/usr/bin/env node
// Runs the conformance CLI from its TypeScript sources through tsx's loader (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../conformance/cli.ts');
process.exit(await main(process.argv.slice(2)));
