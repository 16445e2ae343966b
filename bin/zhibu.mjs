#!/usr/bin/env node
// The `zhibu` command. TypeScript sources run through tsx, so `npx zhibu …` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
