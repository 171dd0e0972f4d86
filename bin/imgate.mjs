#!/usr/bin/env -S node --max-semi-space-size=64
// Runs the TypeScript sources through tsx (no build step). --max-semi-space-size: see docs/embedded-mongo.md.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
