/**
 * The same probe for terminals and runner bootstrap scripts outside GitHub Actions (RunsOn user data, cron).
 * Flags carry the action's input names; the engine, the checks and the fixes are shared.
 *        bedrock-access-probe merge REPORT.json… [--json] [--fail-on …]
                                 one report from the reports of many accounts (report-file of each job)

Exit codes: 0 access proven, 1 a gate is closed or nothing was proven (by --fail-on), 2 bad input (or an
 * unexpected error).
 */
import { parseArgs } from 'node:util'
import { InputError, parseFailOn, parseInputs, type ProbeInputs } from '../inputs/parse.js'
import { runProbe } from '../run/probe.js'
import { shouldFail } from '../report/verdict.js'
import { redactAccount } from '../report/redact.js'
import { renderText, wantsColor, type TextOptions } from '../report/terminal.js'

const STRING_FLAGS = [
  'models',
  'regions',
  'role-to-assume',
  'audience',
  'role-session-name',
  'role-duration-seconds',
  'invoke',
  'fail-on',
  'request-timeout-seconds',
  'timeout-seconds',
  'use-case-form',
  'wait-timeout-seconds',
  'models-from',
  'http-proxy',
  'no-proxy',
  'profile',
  'calls',
  'workload',
  'allowed-account-ids'
] as const
const BOOLEAN_FLAGS = ['create-agreement', 'mask-account-id', 'no-invoke', 'json', 'help', 'version'] as const

const USAGE = `Usage: bedrock-access-probe --models ID[,ID…] [--regions R[,R…]] [options]

Checks that the current AWS identity can call each Amazon Bedrock model in each region, gate by gate:
credentials, region, model access, provider terms and IAM permission.

Options (the GitHub Action's inputs, as flags):
  --models LIST                  model IDs, inference-profile IDs or ARNs (comma-separated)
  --regions LIST                 default: AWS_REGION, then AWS_DEFAULT_REGION
  --models-from GLOBS            also scan these files for model IDs
  --profile NAME                 AWS named profile for the credential chain (default: AWS_PROFILE, then default)
  --calls LIST                   the calls the workload makes: converse (default), converse-stream,
                                 invoke, invoke-stream (each needs its IAM action)
  --workload claude-code         check what Claude Code does (invoke + invoke-stream, profile listing,
                                 models from ANTHROPIC_MODEL and ANTHROPIC_DEFAULT_*_MODEL)
  --allowed-account-ids LIST     fail the credentials gate for any other account
  --no-invoke                    control-plane checks only, no model call
  --create-agreement             bootstrap access (changes the account: form, agreement, wait)
  --use-case-form FILE|JSON      Anthropic use-case form, submitted with --create-agreement when none is on file
  --wait-timeout-seconds N       how long a bootstrap waits for access to go live (default 900 with
                                 --create-agreement, else 0)
  --request-timeout-seconds N    per AWS request (default 30)
  --timeout-seconds N            whole run, not counting the bootstrap wait (default 600)
  --fail-on error|closed|warn|never
                                 which results exit 1: error (default) a closed gate or an unproven
                                 check, closed only a closed gate, warn also warnings, never none
  --http-proxy URL               proxy for every AWS request (default: HTTPS_PROXY, then HTTP_PROXY)
  --no-proxy LIST                hosts reached without the proxy (default: NO_PROXY)
  --mask-account-id              print *** instead of the account ID
  --json                         print only the report, as JSON, on stdout (diagnostics go to stderr)
  --version
  --help
Boolean flags also take =true or =false (--json=false).

       bedrock-access-probe merge REPORT.json… [--json] [--fail-on …]
                                 one report from the reports of many accounts (report-file of each job)

Exit codes: 0 access proven, 1 a gate is closed or (by --fail-on) nothing was proven, 2 bad input.
Credentials: the AWS SDK's default chain (environment, profile, SSO, web identity, container or instance role),
or a Bedrock API key in AWS_BEARER_TOKEN_BEDROCK (sent to Bedrock as the SDKs do).
Proxy: HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured, or --http-proxy and --no-proxy.`

/** Where the CLI writes, what it reads, and the engine it runs: injected so tests run it in-process. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  cwd: string
  /** The package's version, for --version. */
  version?: string
  /** Whether stdout is a terminal, and its width: prose wraps at it (80 columns when not a terminal). */
  terminal?: { isTTY: boolean; columns?: number }
  probe?: typeof runProbe
}

export const processIo: CliIo = {
  stdout: text => void process.stdout.write(text),
  stderr: text => void process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  terminal: { isTTY: process.stdout.isTTY === true, columns: process.stdout.columns }
}

/** How the report is printed: wrapped at the terminal's width (80 when not a terminal), coloured where wanted. */
function textOptions(io: CliIo): TextOptions {
  const isTTY = io.terminal?.isTTY ?? false
  const columns = io.terminal?.columns
  return {
    width: isTTY && columns !== undefined && columns > 20 ? columns : 80,
    color: wantsColor(io.env, isTTY)
  }
}

/** `--json=true` → `--json`, `--json=false` → nothing, for every boolean flag (parseArgs takes neither). */
export function booleanValues(argv: string[]): string[] {
  return argv.flatMap(arg => {
    const match = /^--([\w-]+)=(.*)$/.exec(arg)
    if (!match || !(BOOLEAN_FLAGS as readonly string[]).includes(match[1]!)) return [arg]
    if (/^(true|True|TRUE)$/.test(match[2]!)) return [`--${match[1]}`]
    if (/^(false|False|FALSE)$/.test(match[2]!)) return []
    throw new TypeError(`Option '--${match[1]}' takes true or false, not "${match[2]}"`)
  })
}

/**
 * The Actions toolkit (@actions/glob for --models-from) prints ::debug:: workflow commands on stdout; outside
 * GitHub Actions they are noise on a terminal and break --json, so they are dropped and anything else it prints
 * goes to stderr.
 */
async function withoutWorkflowCommands<T>(io: CliIo, work: () => Promise<T>): Promise<T> {
  if (io.env.GITHUB_ACTIONS === 'true') return work()
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    const kept = text
      .split(/(?<=\n)/)
      .filter(line => !line.startsWith('::'))
      .join('')
    if (kept) io.stderr(kept)
    return true
  }) as typeof process.stdout.write
  try {
    return await work()
  } finally {
    process.stdout.write = write
  }
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv[0] === 'merge') return merge(argv.slice(1), io)
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>
  try {
    values = parseArgs({
      args: booleanValues(argv),
      options: Object.fromEntries([
        ...STRING_FLAGS.map(name => [name, { type: 'string' as const }]),
        ...BOOLEAN_FLAGS.map(name => [name, { type: 'boolean' as const }])
      ]),
      allowPositionals: false
    }).values
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`)
    return 0
  }
  if (values.version) {
    io.stdout(`${io.version ?? 'unknown'}\n`)
    return 0
  }

  const read = (name: string): string => {
    if (name === 'invoke' && values['no-invoke']) return 'false'
    const value = values[name]
    if (typeof value === 'boolean') return value ? 'true' : 'false'
    return typeof value === 'string' ? value : ''
  }
  let inputs: ProbeInputs
  try {
    const patterns = read('models-from')
    const extra = patterns
      ? await withoutWorkflowCommands(io, async () =>
          (await import('../inputs/models-from.js')).findModelIds(patterns, io.cwd)
        )
      : undefined
    const profile = typeof values.profile === 'string' && values.profile !== '' ? values.profile : undefined
    inputs = { ...parseInputs(read, io.env, extra), ...(profile ? { profile } : {}) }
  } catch (error) {
    io.stderr(
      error instanceof InputError
        ? `bedrock-access-probe: ${error.message}\n`
        : `${(error as Error).message}\n`
    )
    return 2
  }

  const log = {
    info: (message: string) => io.stderr(`${message}\n`),
    warning: (message: string) => io.stderr(`warning: ${message}\n`)
  }
  const probe = io.probe ?? runProbe
  const outcome = await probe(inputs, {
    getIDToken: async () => {
      throw new Error(
        'Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable (GitHub OIDC exists only inside GitHub Actions)'
      )
    },
    setSecret: () => undefined,
    env: io.env,
    log
  })
  const { report } = inputs.maskAccountId ? redactAccount(outcome) : outcome
  io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderText(report, textOptions(io)))
  return shouldFail(report, inputs.failOn) ? 1 : 0
}

/** `merge FILES…`: one report (and one exit code) from the reports of a fleet's jobs. */
async function merge(argv: string[], io: CliIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>
  let files: string[]
  try {
    const parsed = parseArgs({
      args: booleanValues(argv),
      options: { json: { type: 'boolean' }, 'fail-on': { type: 'string' } },
      allowPositionals: true
    })
    values = parsed.values
    files = parsed.positionals
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}\n`)
    return 2
  }
  const { findReportFiles, mergeReports, readReports, MergeError } = await import('../report/merge.js')
  try {
    const failOn = parseFailOn(typeof values['fail-on'] === 'string' ? values['fail-on'] : '')
    if (files.length === 0) throw new MergeError('name the report files to merge')
    const found = await withoutWorkflowCommands(io, () => findReportFiles(files, io.cwd))
    const { report } = mergeReports(readReports(found))
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderText(report, textOptions(io)))
    return shouldFail(report, failOn) ? 1 : 0
  } catch (error) {
    if (error instanceof MergeError || error instanceof InputError) {
      io.stderr(`bedrock-access-probe merge: ${error.message}\n`)
      return 2
    }
    throw error
  }
}
