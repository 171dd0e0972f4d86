import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { measureCommands } from './operations.ts';

/**
 * Store commands per operation, counted at the wire (`npx tsx bench/commands/run.ts`): one
 * steady-state call of every operation through a real gateway over the embedded store, with the
 * driver's command monitoring. Prints a Markdown table and writes bench/results/commands.json.
 */
const rows = await measureCommands();
console.log('| operation | store commands | commands at the wire |');
console.log('|---|---:|---|');
for (const row of rows) console.log(`| \`${row.operation}\` | ${row.commands} | ${row.trace} |`);
const out = resolve(import.meta.dirname, '../results/commands.json');
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`);
console.log(`\nwritten: ${out}`);
