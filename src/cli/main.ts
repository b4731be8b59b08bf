/**
 * The same probe for terminals and runner bootstrap scripts outside GitHub Actions (RunsOn user data, cron):
 * flags carry the action's input names, and the inputs, the run and the report are the action's (src/inputs/,
 * src/run/, src/report/). Exit codes: 0 access proven, 1 a gate is closed or (by --fail-on) nothing was proven,
 * 2 bad input or an unexpected error.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { readProbeInputs, readMergeInputs, type ProbeInputs } from '../inputs/parse.js'
import { InputError } from '../inputs/values.js'
import { redactAccount } from '../report/build/redact.js'
import { editDistance } from '../support/edit-distance.js'
import { renderText, wantsColor, wrap, type TextOptions } from '../report/render/terminal.js'
import { shouldFail } from '../report/build/verdict.js'
import { MergeError, mergeReportFiles } from '../report/merge/merge.js'
import { runProbe } from '../run/probe.js'
import type { Report } from '../types.js'

interface Flag {
  name: string
  /** The value it takes, as shown in --help; none for a boolean flag. */
  value?: string
  help: string
}

/** Every flag the CLI accepts, in the order --help lists them; most are the action's inputs of the same name. */
const FLAGS: Flag[] = [
  { name: 'models', value: 'LIST', help: 'model IDs, inference-profile IDs or ARNs (comma-separated)' },
  { name: 'regions', value: 'LIST', help: 'default: AWS_REGION, then AWS_DEFAULT_REGION' },
  { name: 'models-from', value: 'GLOBS', help: 'also scan these files for model IDs' },
  {
    name: 'profile',
    value: 'NAME',
    help: 'AWS named profile for the credential chain (default: AWS_PROFILE, then default)'
  },
  {
    name: 'calls',
    value: 'LIST',
    help: 'the calls the workload makes: converse (default), converse-stream, invoke, invoke-stream'
  },
  {
    name: 'workload',
    value: 'claude-code',
    help: "check what Claude Code does (its calls, the profile listing, its models' variables)"
  },
  { name: 'allowed-account-ids', value: 'LIST', help: 'fail the credentials gate for any other account' },
  {
    name: 'min-tokens-per-minute',
    value: 'N',
    help: 'the tokens per minute the workload needs: a smaller quota closes the capacity gate'
  },
  {
    name: 'job-minutes',
    value: 'N',
    help: 'how long the job uses these credentials: they must not end sooner'
  },
  {
    name: 'service-tier',
    value: 'TIER',
    help: 'the service tier every call asks for: default, priority, flex or reserved (default: none sent)'
  },
  {
    name: 'eol-warning-days',
    value: 'N',
    help: 'warn when a model reaches end of life within N days (default 90; 0: only Legacy warns)'
  },
  { name: 'no-invoke', help: 'control-plane checks only, no model call' },
  {
    name: 'verbose',
    help: "say each step and check's progress on stderr (shown on a terminal anyway), and print one line per check and the quotas read"
  },
  { name: 'create-agreement', help: 'bootstrap access (changes the account: form, agreement, wait)' },
  {
    name: 'use-case-form',
    value: 'FILE|JSON',
    help: 'Anthropic use-case form, submitted with --create-agreement when none is on file'
  },
  {
    name: 'wait-timeout-seconds',
    value: 'N',
    help: 'how long a bootstrap waits for access to go live (default 900 with --create-agreement)'
  },
  { name: 'request-timeout-seconds', value: 'N', help: 'per AWS request (default 30)' },
  { name: 'timeout-seconds', value: 'N', help: 'whole run, not counting the bootstrap wait (default 600)' },
  {
    name: 'fail-on',
    value: 'WHEN',
    help: 'error (default: a closed gate or an unproven check), closed, warn or never'
  },
  {
    name: 'http-proxy',
    value: 'URL',
    help: 'proxy for every AWS request (default: HTTPS_PROXY, then HTTP_PROXY)'
  },
  { name: 'no-proxy', value: 'LIST', help: 'hosts reached without the proxy (default: NO_PROXY)' },
  { name: 'mask-account-id', help: 'print *** instead of the account ID' },
  {
    name: 'report-file',
    value: 'FILE',
    help: 'also write the report (JSON) to this file, for a later merge'
  },
  { name: 'json', help: 'print only the report, as JSON, on stdout (diagnostics go to stderr)' },
  {
    name: 'role-to-assume',
    value: 'ARN',
    help: 'refused here: it needs a GitHub OIDC token (use the action in a workflow, or --profile)'
  },
  { name: 'version', help: 'print the version' },
  { name: 'help', help: 'print this help' }
]

const FLAG_NAMES = FLAGS.map(flag => flag.name)

/** The flags' column: a description starts here, and its wrapped lines too. */
const HELP_COLUMN = 32

/** --help, folded at the terminal's width (80 columns when not a terminal), as the report is. */
function usage(width: number): string {
  const prose = (text: string) => wrap(text, width, 0)
  // On a narrow terminal a description goes under its flag rather than in a column a few letters wide.
  const column = width - HELP_COLUMN >= 30 ? HELP_COLUMN : 6
  const flagLines = FLAGS.flatMap(flag => {
    const left = `  --${flag.name}${flag.value ? ` ${flag.value}` : ''}`
    const help = wrap(`${' '.repeat(column)}${flag.help}`, width, column)
    return left.length < column
      ? [`${left.padEnd(column)}${help[0]!.trimStart()}`, ...help.slice(1)]
      : [left, ...help]
  })
  return [
    'Usage: bedrock-access-probe --models ID[,ID…] [--regions R[,R…]] [options]',
    '       bedrock-access-probe merge REPORT.json… [--json] [--fail-on WHEN]',
    '',
    ...prose(
      'Checks that the current AWS identity can call each Amazon Bedrock model in each region, gate by gate: ' +
        'credentials, region, model access, provider terms, IAM permission, and capacity (quotas, throttling).'
    ),
    '',
    ...prose("Options (the GitHub Action's inputs, as flags; boolean flags also take =true or =false):"),
    ...flagLines,
    '',
    ...prose(
      'Exit codes: 0 access proven, 1 a gate is closed or (by --fail-on) nothing was proven, 2 bad input.'
    ),
    ...prose(
      "Credentials: the AWS SDK's default chain (environment, profile, SSO, web identity, container or instance " +
        'role), or a Bedrock API key in AWS_BEARER_TOKEN_BEDROCK (sent to Bedrock as the SDKs do).'
    )
  ].join('\n')
}

/** Where the CLI writes, what it reads, and the engine it runs: injected so tests run it in-process. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  cwd: string
  /** The package's version, for --version. */
  version?: string
  probe?: typeof runProbe
  /** Whether stdout is a terminal, and its width: prose wraps at it (80 columns when not a terminal). */
  terminal?: { isTTY: boolean; columns?: number }
  /** Whether stderr is a terminal: progress is shown there only (or with --verbose), never in a piped log. */
  progressTerminal?: boolean
}

export const processIo: CliIo = {
  stdout: text => void process.stdout.write(text),
  stderr: text => void process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  terminal: { isTTY: process.stdout.isTTY === true, columns: process.stdout.columns },
  progressTerminal: process.stderr.isTTY === true
}

/** A usage error: what was wrong, and the way to --help (never the whole help on a typo). */
class UsageError extends Error {}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    return argv[0] === 'merge' ? await merge(argv.slice(1), io) : await probe(argv, io)
  } catch (error) {
    // Folded at the width the report uses, so an 80-column terminal breaks no word.
    const say = (text: string) => wrap(`bedrock-access-probe: ${text}`, textOptions(io).width, 2).join('\n')
    if (error instanceof UsageError) {
      io.stderr(`${say(error.message)}\nRun bedrock-access-probe --help for every option.\n`)
      return 2
    }
    if (error instanceof InputError) {
      io.stderr(`${say(error.as(name => (name === 'merge' ? 'merge' : `--${name}`)))}\n`)
      return 2
    }
    throw error
  }
}

async function probe(argv: string[], io: CliIo): Promise<number> {
  const values = flags(argv, FLAGS)
  if (values.help) {
    io.stdout(`${usage(textOptions(io).width ?? 80)}\n`)
    return 0
  }
  if (values.version) {
    io.stdout(`${io.version ?? 'unknown'}\n`)
    return 0
  }
  if (typeof values['role-to-assume'] === 'string') {
    throw new InputError(
      'role-to-assume',
      'needs a GitHub OIDC token, which exists only inside a GitHub Actions job',
      'Run the action in the workflow for that, or assume the role for this shell first (a profile with role_arn, ' +
        'then --profile NAME; or aws sts assume-role and export its credentials).'
    )
  }
  const read = (name: string): string => {
    if (name === 'invoke' && values['no-invoke']) return 'false'
    const value = values[name]
    if (typeof value === 'boolean') return value ? 'true' : 'false'
    return typeof value === 'string' ? value : ''
  }
  const inputs: ProbeInputs = await withoutWorkflowCommands(io, () =>
    readProbeInputs({ read, env: io.env, cwd: io.cwd })
  )
  // Progress goes to stderr, wrapped like the report (the report alone goes to stdout with --json), and only to a
  // terminal or with --verbose: in a piped log it would say every result twice. Warnings are always said.
  const width = textOptions(io).width
  const say = (line: string) => io.stderr(`${wrap(line, width, 2).join('\n')}\n`)
  const progress = values.verbose === true || io.progressTerminal === true
  const outcome = await (io.probe ?? runProbe)(inputs, {
    setSecret: () => undefined,
    env: io.env,
    log: {
      info: message => (progress ? say(message) : undefined),
      warning: message => say(`warning: ${message}`)
    }
  })
  const { report } = inputs.maskAccountId ? redactAccount(outcome) : outcome
  if (inputs.reportFile) await writeReport(inputs.reportFile, io.cwd, report)
  return print(report, values.json === true, inputs.failOn, io, values.verbose === true)
}

/** `merge FILES…`: one report (and one exit code) from the reports of a fleet's jobs. */
async function merge(argv: string[], io: CliIo): Promise<number> {
  const values = flags(
    argv,
    FLAGS.filter(flag => ['json', 'fail-on'].includes(flag.name)),
    true
  )
  const { failOn } = readMergeInputs(name => (typeof values[name] === 'string' ? String(values[name]) : ''))
  try {
    const outcome = await withoutWorkflowCommands(io, () =>
      mergeReportFiles(values._positionals as string[], io.cwd, { info: () => undefined })
    )
    return print(outcome.report, values.json === true, failOn, io)
  } catch (error) {
    if (!(error instanceof MergeError)) throw error
    io.stderr(`bedrock-access-probe merge: ${error.message}\n`)
    return 2
  }
}

function print(
  report: Report,
  json: boolean,
  failOn: ProbeInputs['failOn'],
  io: CliIo,
  everyCheck = false
): number {
  io.stdout(
    json ? `${JSON.stringify(report, null, 2)}\n` : renderText(report, { ...textOptions(io), everyCheck })
  )
  return shouldFail(report, failOn) ? 1 : 0
}

async function writeReport(path: string, cwd: string, report: Report): Promise<void> {
  const target = resolve(cwd, path)
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, JSON.stringify(report, null, 2) + '\n')
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

type Values = Record<string, string | boolean | string[] | undefined>

/**
 * The flags, parsed; `--json=true` and `--json=false` for boolean flags, and the action's own spelling of a negated
 * one (`--invoke=false` for `--no-invoke`, as `invoke: false` reads); an unknown one suggests the nearest.
 */
function flags(argv: string[], accepted: Flag[], positionals = false): Values {
  const booleans = accepted.filter(flag => !flag.value).map(flag => flag.name)
  const args = argv.flatMap(arg => {
    const negated = /^--([\w-]+)(?:=(.*))?$/.exec(arg)
    if (negated && !booleans.includes(negated[1]!) && booleans.includes(`no-${negated[1]}`)) {
      const value = negated[2] ?? 'true'
      if (/^(true|True|TRUE)$/.test(value)) return []
      if (/^(false|False|FALSE)$/.test(value)) return [`--no-${negated[1]}`]
      throw new UsageError(`--${negated[1]} takes true or false, not "${value}" (or use --no-${negated[1]})`)
    }
    const match = /^--([\w-]+)=(.*)$/.exec(arg)
    if (!match || !booleans.includes(match[1]!)) return [arg]
    if (/^(true|True|TRUE)$/.test(match[2]!)) return [`--${match[1]}`]
    if (/^(false|False|FALSE)$/.test(match[2]!)) return []
    throw new UsageError(`--${match[1]} takes true or false, not "${match[2]}"`)
  })
  try {
    const parsed = parseArgs({
      args,
      options: Object.fromEntries(
        accepted.map(flag => [flag.name, { type: flag.value ? ('string' as const) : ('boolean' as const) }])
      ),
      allowPositionals: positionals
    })
    return { ...parsed.values, _positionals: parsed.positionals }
  } catch (error) {
    const unknown = /Unknown option '--?([^']+)'/.exec((error as Error).message)?.[1]
    if (unknown) {
      const nearest = nearestFlag(unknown)
      throw new UsageError(`unknown option --${unknown}${nearest ? `; did you mean --${nearest}?` : ''}`)
    }
    throw new UsageError((error as Error).message)
  }
}

/** The accepted flag closest to a mistyped one (--region → --regions), when one is close enough. */
export function nearestFlag(typed: string): string | undefined {
  let best: { name: string; distance: number } | undefined
  for (const name of FLAG_NAMES) {
    const distance = editDistance(typed, name)
    if (!best || distance < best.distance) best = { name, distance }
  }
  return best && best.distance <= Math.max(2, Math.floor(typed.length / 4)) ? best.name : undefined
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
