import { startEmulator } from '../__tests__/emulator/server.js'
import { openAccount } from '../__tests__/emulator/state.js'
import { runAction } from '../__tests__/e2e/harness.js'
const state = openAccount()
state.models.find(model => model.id === 'meta.llama3-1-8b-instruct-v1:0')!.noAccess = true
const emulator = await startEmulator(state)
const run = await runAction(emulator, JSON.parse(process.argv[2]!))
console.log(run.code, JSON.stringify(run.report?.checks, null, 1), run.stderr)
console.log(emulator.calls.map(c => `${c.operation} ${c.region} ${c.status}`).join('\n'))
await emulator.close()
