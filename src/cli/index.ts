#!/usr/bin/env node
/** The CLI's entry point: everything happens in main(); its result is the exit code. */
import packageJson from '../../package.json' with { type: 'json' }
import { main, processIo } from './main.js'

// The SDK's notice about its future Node.js support is for the developers of this package, not its users.
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const text = typeof warning === 'string' ? warning : warning.message
  if (!text.startsWith('NodeVersionSupportWarning')) emitWarning(warning, ...rest)
}) as typeof process.emitWarning

// The version is built into the bundle, which runs wherever it was installed.
process.exitCode = await main(process.argv.slice(2), { ...processIo, version: packageJson.version }).catch(
  error => {
    process.stderr.write(`bedrock-access-probe failed unexpectedly: ${(error as Error).message}\n`)
    return 2
  }
)
