// Copies the documents the suite checks against (openapi/ with its components, asyncapi/) into
// specs/, so the installed package finds them next to its code from any working directory.
import { cpSync } from 'node:fs';

for (const dir of ['openapi', 'asyncapi'])
  cpSync(new URL(`../../${dir}`, import.meta.url), new URL(`../specs/${dir}`, import.meta.url), {
    recursive: true,
  });
