/**
 * The end-to-end harness: the runner simulation (emulator/runner.ts) pointed at the bundle that
 * global-setup.ts built from the current sources, so a change to src/ is always what the tests exercise.
 */
import { afterEach } from '@jest/globals'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { AMBIENT_KEY, AMBIENT_SECRET, type EmulatorState } from '../../emulator/state.js'
import { ROOT, runAction as runBundle, type ActionRun, type RunOptions } from '../../emulator/runner.js'
import type { Report } from '../../src/types.js'

import { NODE } from '../../emulator/runner.js'
export { NODE, ROOT, actionDefaults, type ActionRun } from '../../emulator/runner.js'

/** Built by global-setup.ts from the current sources (the same build as dist/). */
export const BUNDLE = join(ROOT, 'build/bundle')

/**
 * A clean environment for a CLI process against the emulator: the emulator's ambient key, no instance metadata,
 * no profile files of the developer's (HOME and the AWS config files point into `home`).
 */
export function cliEnv(emulator: Emulator, home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    AWS_ENDPOINT_URL: emulator.url,
    AWS_ACCESS_KEY_ID: AMBIENT_KEY,
    AWS_SECRET_ACCESS_KEY: AMBIENT_SECRET,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'none')
  }
}

export function runAction(
  emulator: Emulator,
  inputs: Record<string, string>,
  options: Parameters<typeof runBundle>[2] = {}
): Promise<ActionRun> {
  return runBundle(emulator, inputs, { script: join(BUNDLE, 'index.js'), ...options })
}

export function gateOf(
  run: ActionRun,
  model: string,
  region: string,
  gate: keyof Report['checks'][number]['gates']
) {
  const check = run.report?.checks.find(candidate => candidate.model === model && candidate.region === region)
  if (!check)
    throw new Error(
      `no check for ${model} @ ${region}; report: ${JSON.stringify(run.report)}\nstdout: ${run.stdout}`
    )
  return check.gates[gate]
}

/**
 * One emulator per test, closed after it: `probe` starts it on a state and runs the bundle against it;
 * `emulator()` is the one the last probe ran against, for asserting what the probe called.
 */
export function emulatorPerTest() {
  let current: Emulator | undefined
  const started: Emulator[] = []
  afterEach(async () => {
    await Promise.all(started.splice(0).map(emulator => emulator.close()))
    current = undefined
  })
  return {
    /** `options` may depend on the emulator (its URL, for GITHUB_API_URL): give a function of it. */
    async probe(
      state: EmulatorState,
      inputs: Record<string, string>,
      options: RunOptions | ((emulator: Emulator) => RunOptions) = {}
    ): Promise<ActionRun> {
      current = await startEmulator(state)
      started.push(current)
      return runAction(current, inputs, typeof options === 'function' ? options(current) : options)
    },
    emulator(): Emulator {
      if (!current) throw new Error('no probe has run in this test')
      return current
    }
  }
}

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** The CLI bundle built from the current sources, as a terminal runs it, in the given environment. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const child = spawn(NODE, [join(BUNDLE, 'cli/index.js'), ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  return { code, stdout, stderr }
}
