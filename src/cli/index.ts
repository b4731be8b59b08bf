#!/usr/bin/env node
/** The CLI's entry point: everything happens in main(); its result is the exit code. */
import { main } from './main.js'

process.exitCode = await main(process.argv.slice(2)).catch(error => {
  process.stderr.write(`bedrock-access-probe failed unexpectedly: ${(error as Error).message}\n`)
  return 2
})
