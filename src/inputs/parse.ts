/**
 * The inputs, read once and validated in full before any AWS call; every refusal names the input and the fix.
 * One concern per file beside this one (what to check, whose identity, bootstrap, network); this file puts them
 * together, and reads models-from for both front ends. The reader is injected, so the action (core.getInput) and
 * the CLI (flags) share it all.
 */
import type { SourceLocation } from '../types.js'
import { findModelIds } from './models-from.js'
import { readBootstrap, type BootstrapInputs } from './bootstrap.js'
import { readIdentity, type IdentityInputs } from './identity.js'
import { readWhatToCheck, type ExtraModels, type WhatToCheck } from './models.js'
import { readNetwork, type NetworkInputs } from './network.js'
import { parseBoolean, parseChoice, splitList, type InputReader } from './values.js'

/** Defaults, mirrored by action.yml (a unit test keeps the two in step). */
export const INPUT_DEFAULTS = {
  audience: 'sts.amazonaws.com',
  'role-session-name': 'bedrock-access-probe',
  'role-duration-seconds': '900',
  invoke: 'true',
  'fail-on': 'error',
  'request-timeout-seconds': '30',
  'timeout-seconds': '600',
  'create-agreement': 'false',
  'mask-account-id': 'false',
  comment: 'false',
  'export-credentials': 'false',
  'open-issue': 'never',
  'eol-warning-days': '90'
} as const

/** Which results fail the step: see shouldFail (src/report/build/verdict.ts). */
export const FAIL_ON = ['error', 'closed', 'warn', 'never'] as const
export type FailOn = (typeof FAIL_ON)[number]

/** When the run opens (or updates) its watch issue: never, on failures (fail or inconclusive), or on warnings too. */
export const OPEN_ISSUE = ['never', 'failures', 'warnings'] as const
export type OpenIssue = (typeof OPEN_ISSUE)[number]

/** What the run reports, and where. */
export interface ReportingInputs {
  /** Make the minimal model calls (false: the control plane only). */
  invoke: boolean
  failOn: FailOn
  maskAccountId: boolean
  comment: boolean
  githubToken?: string
  /** After the probe, export the credentials it used as AWS_* variables for later steps. */
  exportCredentials: boolean
  /** Also write the report JSON to this file (for upload-artifact and a later merge). */
  reportFile?: string
  /** open-issue: keep one issue per workflow and job open while access is broken. */
  openIssue: OpenIssue
}

export type ProbeInputs = WhatToCheck & IdentityInputs & BootstrapInputs & NetworkInputs & ReportingInputs

/** Where a front end's inputs come from. */
export interface InputSource {
  read: InputReader
  env: NodeJS.ProcessEnv
  /** Where relative paths start (models-from): the workspace. */
  cwd: string
}

/** Every input, models-from's files read when it is given: the one way both front ends read their inputs. */
export async function readProbeInputs(source: InputSource): Promise<ProbeInputs> {
  const patterns = source.read('models-from')
  if (!patterns.trim()) return parseInputs(source.read, source.env)
  return parseInputs(source.read, source.env, await findModelIds(patterns, source.cwd))
}

/**
 * Read and validate every input. `env` supplies the region fallbacks (AWS_REGION, AWS_DEFAULT_REGION) and the
 * proxy variables. `extra` adds model IDs found elsewhere (models-from), placed first.
 */
export function parseInputs(
  read: InputReader,
  env: NodeJS.ProcessEnv,
  extra: ExtraModels = { ids: [], sources: new Map<string, SourceLocation>() }
): ProbeInputs {
  const get = (name: string): string => {
    const value = read(name).trim()
    return value !== '' ? value : (INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS] ?? '')
  }
  return {
    ...readWhatToCheck(get, env, extra),
    ...readIdentity(get),
    ...readBootstrap(get),
    ...readNetwork(get, env),
    ...readReporting(get)
  }
}

function readReporting(get: (name: string) => string): ReportingInputs {
  const githubToken = get('github-token') || undefined
  const reportFile = get('report-file') || undefined
  return {
    invoke: parseBoolean('invoke', get('invoke')),
    failOn: parseFailOn(get('fail-on')),
    maskAccountId: parseBoolean('mask-account-id', get('mask-account-id')),
    comment: parseBoolean('comment', get('comment')),
    ...(githubToken ? { githubToken } : {}),
    exportCredentials: parseBoolean('export-credentials', get('export-credentials')),
    ...(reportFile ? { reportFile } : {}),
    openIssue: parseOpenIssue(get('open-issue'))
  }
}

export function parseOpenIssue(text: string): OpenIssue {
  return parseChoice(
    'open-issue',
    text,
    OPEN_ISSUE,
    INPUT_DEFAULTS['open-issue'],
    'Use never (default), failures (a failing or inconclusive run opens or updates the issue) or warnings (warnings too).'
  )
}

export function parseFailOn(text: string): FailOn {
  return parseChoice(
    'fail-on',
    text,
    FAIL_ON,
    INPUT_DEFAULTS['fail-on'],
    'Use error (default: a closed gate or an unproven check fails), closed (only a closed gate), warn or never.'
  )
}

/** merge: the report files to merge, and which results fail. */
export function readMergeInputs(read: InputReader): {
  patterns: string[]
  failOn: FailOn
  openIssue: OpenIssue
  githubToken?: string
} {
  const githubToken = read('github-token') || undefined
  return {
    patterns: splitList(read('merge')),
    failOn: parseFailOn(read('fail-on')),
    openIssue: parseOpenIssue(read('open-issue')),
    ...(githubToken ? { githubToken } : {})
  }
}
