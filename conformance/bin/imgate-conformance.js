#!/usr/bin/env node
// The installed command: the compiled suite (dist/), its documents bundled in specs/.
import { main } from '../dist/cli.js';

process.exit(await main(process.argv.slice(2)));
