import { startEmulator } from '../__tests__/emulator/server.js'
import { openAccount } from '../__tests__/emulator/state.js'
import { runAction } from '../__tests__/e2e/harness.js'
const emulator = await startEmulator(openAccount())
const run = await runAction(emulator, { models: 'us.anthropic.claude-sonnet-4-6, amazon.nova-lite-v1:0, anthropic.claude-sonnet-4-6, amazon.titan-embed-text-v2:0, stability.sd3-5-large-v1:0', regions: 'us-east-1, eu-central-1' })
console.log(run.code, run.summary, run.stderr, JSON.stringify(run.report?.checks[1], null, 1))
console.log(emulator.calls.map(c => `${c.operation} ${c.region} ${c.status}`).join('\n'))
await emulator.close()
