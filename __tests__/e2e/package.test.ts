/**
 * The CLI as people install it: `npm pack` of a package holding the bundle built from the current sources,
 * then `npx file:<tarball>` with no other install step (the bundle carries every dependency); and --json under
 * --models-from prints only JSON on stdout, for jq.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '../../emulator/server.js'
import { openAccount } from '../../emulator/state.js'
import { BUNDLE, cliEnv, ROOT } from './harness.js'

const work = mkdtempSync(join(tmpdir(), 'package-'))
const emulatorReady = startEmulator(openAccount())
afterAll(async () => (await emulatorReady).close())

/** Run a command without blocking this process, which also serves the emulator. */
function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string }
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.stdin.end(options.input ?? '')
    child.on('close', status => resolve({ status, stdout, stderr }))
  })
}

function packedTarball(): string {
  const pkg = join(work, 'pkg')
  mkdirSync(join(pkg, 'dist'), { recursive: true })
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'))
  cpSync(join(ROOT, 'README.md'), join(pkg, 'README.md'))
  cpSync(join(ROOT, 'LICENSE'), join(pkg, 'LICENSE'))
  cpSync(join(BUNDLE, 'cli'), join(pkg, 'dist/cli'), { recursive: true })
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
    cwd: pkg,
    encoding: 'utf8'
  }).trim()
  return join(work, name.split('\n').pop()!)
}

describe('the published CLI', () => {
  it('npm pack holds only the CLI bundle, README and LICENSE, and declares no dependency to install', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(manifest.dependencies).toBeUndefined()
    expect(manifest.private).toBeUndefined()
    const listing = execFileSync('tar', ['-tzf', packedTarball()], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
    expect(listing).toContain('package/dist/cli/index.js')
    expect(
      listing.every(path => /^package\/(dist\/cli\/|README\.md$|LICENSE$|package\.json$)/.test(path))
    ).toBe(true)
  })

  it('npx file:<tarball> runs it with nothing else installed', async () => {
    const emulator = await emulatorReady
    const tarball = packedTarball()
    const home = mkdtempSync(join(tmpdir(), 'npx-home-'))
    const env = {
      ...cliEnv(emulator, home),
      npm_config_cache: join(home, '.npm'),
      npm_config_update_notifier: 'false'
    }
    const version = await run('npx', ['--yes', `file:${tarball}`, '--version'], { cwd: home, env })
    expect(version.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
    )
    const probe = await run(
      'npx',
      ['--yes', `file:${tarball}`, '--models', 'amazon.nova-lite-v1:0', '--regions', 'us-east-1'],
      { cwd: home, env }
    )
    expect(probe.status).toBe(0)
    expect(probe.stdout).toMatch(/^1 Bedrock access check passed: access proven/)
    expect(probe.stderr).not.toContain('NodeVersionSupportWarning')
  }, 120_000)

  it('--json under --models-from prints only JSON on stdout (jq reads it), no workflow commands', async () => {
    const emulator = await emulatorReady
    const repo = mkdtempSync(join(tmpdir(), 'scan-'))
    mkdirSync(join(repo, 'src'))
    writeFileSync(join(repo, 'src/app.py'), 'MODEL = "amazon.nova-lite-v1:0"\n')
    const scan = await run(
      process.execPath,
      [
        join(BUNDLE, 'cli/index.js'),
        '--models-from',
        'src/**',
        '--regions',
        'us-east-1',
        '--json',
        '--mask-account-id=false',
        // Progress on stderr even when piped: stdout must stay JSON only all the same.
        '--verbose'
      ],
      {
        cwd: repo,
        env: cliEnv(emulator, repo)
      }
    )
    expect(scan.stdout).not.toContain('::debug::')
    expect(scan.stderr).toContain('PASS amazon.nova-lite-v1:0 @ us-east-1')
    const jq = await run('jq', ['-r', '.result'], {
      cwd: repo,
      env: { PATH: process.env.PATH },
      input: scan.stdout
    })
    expect(jq.status).toBe(0)
    expect(jq.stdout.trim()).toBe('pass')
  })
})
