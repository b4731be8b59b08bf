/**
 * npm run demo: the committed bundle (dist/index.js) against the local emulator, on an account with a few
 * gates closed, printed as the job summary's content in text form, and the job summary itself written as GitHub
 * renders it (cmark-gfm and its sanitizer) to build/demo/summary.html. No AWS account needed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { renderAsGitHub } from '../emulator/github-markdown.js'
import { startEmulator } from '../emulator/server.js'
import { openAccount } from '../emulator/state.js'
import { ROOT, runAction } from '../emulator/runner.js'
import { renderText } from '../src/report/render/terminal.js'

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
console.log(renderText(run.report, { width: Math.min(100, process.stdout.columns || 80) }))
const out = join(ROOT, 'build/demo')
mkdirSync(out, { recursive: true })
const page = join(out, 'summary.html')
writeFileSync(
  page,
  '<!doctype html><html><head><meta charset="utf-8"><title>bedrock-access-probe demo: job summary</title>' +
    '<style>body{font-family:-apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;max-width:1000px;' +
    'margin:16px auto;padding:0 24px;line-height:1.5;color:#1f2328}table{border-collapse:collapse}' +
    'th,td{border:1px solid #d1d9e0;padding:6px 13px}code{background:#818b981f;border-radius:6px;padding:.2em .4em}' +
    'pre{background:#f6f8fa;padding:16px;overflow:auto}pre code{background:none;padding:0}</style></head><body>' +
    renderAsGitHub(run.summary) +
    '</body></html>\n'
)
console.log(
  `\nThe job summary, as GitHub renders it: ${relative(process.cwd(), page)} (open it in a browser)`
)
console.log(
  `outputs: result=${run.outputs.result}; report: ${run.outputs.report?.length ?? 0} bytes of JSON; the job summary is ${run.summary.length} bytes of HTML`
)
console.log(
  `AWS calls made: ${emulator.calls.length} (${[...new Set(emulator.calls.map(call => call.operation))].join(', ')})`
)
