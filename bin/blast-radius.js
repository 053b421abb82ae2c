#!/usr/bin/env node
import { endProcess } from '../dist/cli/end-process.js';
import { main } from '../dist/cli/main.js';

await endProcess(await main(process.argv.slice(2)));
