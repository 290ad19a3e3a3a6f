#!/usr/bin/env node
// The package's only bin, so that `npx eslint-plugin-lambda-hygiene hoist ...` runs the codemod CLI.
import { main } from '../dist/codemods/cli.js';

process.exitCode = await main(process.argv.slice(2));
