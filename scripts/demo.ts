/**
 * npm run demo: the committed bundle (dist/index.js) against the local emulator, on an account with a few
 * gates closed, printed as the job summary's content in text form. No AWS account needed.
 */
import { startEmulator } from '../emulator/server.js'
import { openAccount } from '../emulator/state.js'
import { runAction } from '../emulator/runner.js'
import { renderText } from '../src/report/terminal.js'

const state = openAccount()
// IAM allows the Claude profile but not Nova Lite.
state.iam.invokeAllowed = [
  `arn:aws:bedrock:us-east-1:${state.account}:inference-profile/us.anthropic.claude-sonnet-4-6`,
  'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6',
  'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0'
]
// Cohere Embed was never subscribed in this account.
delete state.agreements['cohere.embed-english-v3']

const emulator = await startEmulator(state)
const inputs = {
  models:
    'us.anthropic.claude-sonnet-4-6\namazon.nova-lite-v1:0\ncohere.embed-english-v3\namazon.titan-embed-text-v2:0',
  regions: 'us-east-1, eu-central-1',
  'fail-on': 'never'
}
console.log('Running dist/index.js as the runner would, with inputs:')
for (const [name, value] of Object.entries(inputs)) console.log(`  ${name}: ${value.replace(/\n/g, ', ')}`)
console.log(`against the emulator at ${emulator.url}\n`)
const run = await runAction(emulator, inputs)
await emulator.close()
if (!run.report) {
  console.error(run.stdout, run.stderr)
  process.exit(1)
}
console.log(renderText(run.report, { width: 100 }))
console.log(
  `outputs: result=${run.outputs.result}; report: ${run.outputs.report?.length ?? 0} bytes of JSON; the job summary is ${run.summary.length} bytes of HTML`
)
console.log(
  `AWS calls made: ${emulator.calls.length} (${[...new Set(emulator.calls.map(call => call.operation))].join(', ')})`
)
