/**
 * Inputs, read once and validated in full before any AWS call. Every refusal names the input and the fix.
 * The reader is injected so the action (core.getInput) and the CLI (flags) share this module.
 */
import { ModelIdError, parseModelRef, REGION_SHAPE, type ModelRef } from '../bedrock/model-id.js'
import { loadUseCaseForm, UseCaseFormError, type UseCaseForm } from './use-case-form.js'
import { isProxyUrl, resolveProxy, type ProxySettings } from '../aws/proxy.js'
import type { SourceLocation } from '../types.js'
import { CALLS, DEFAULT_CALLS, isCallKind, type CallKind } from '../bedrock/calls.js'
import { WORKLOADS, workloadPreset, type Workload } from './workload.js'

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
  'export-credentials': 'false'
} as const

export const MAX_PAIRS = 100
/** A bootstrap run waits this long for new access to settle unless told otherwise (AWS: up to 15 minutes). */
export const DEFAULT_BOOTSTRAP_WAIT_SECONDS = 900

/** Which results fail the step: see shouldFail (src/report/verdict.ts). */
export const FAIL_ON = ['error', 'closed', 'warn', 'never'] as const
export type FailOn = (typeof FAIL_ON)[number]

/** One model × region check to make; `source` is where models-from found the ID. */
export interface Pair {
  ref: ModelRef
  region: string
  source?: SourceLocation
}

export interface ProbeInputs {
  /** Every model × region to check, deduplicated; ARNs only in their own region. */
  pairs: Pair[]
  roleToAssume?: string
  audience: string
  roleSessionName: string
  roleDurationSeconds: number
  invoke: boolean
  failOn: FailOn
  requestTimeoutMs: number
  /** Overall deadline for the run, not counting the bootstrap wait. */
  timeoutMs: number
  createAgreement: boolean
  useCaseForm?: UseCaseForm
  /** undefined: decided at run time (DEFAULT_BOOTSTRAP_WAIT_SECONDS in bootstrap mode, else 0). */
  waitTimeoutSeconds?: number
  maskAccountId: boolean
  comment: boolean
  githubToken?: string
  /** The proxy AWS requests go through (http-proxy, else HTTPS_PROXY/HTTP_PROXY), with NO_PROXY. */
  proxy?: ProxySettings
  /** CLI only (--profile): the named AWS profile for the default credential chain. */
  profile?: string
  /** The calls the workload makes, each made once per check (the calls input, plus the workload preset's). */
  calls: CallKind[]
  /** A workload preset (workload input), when one was named. */
  workload?: Workload
  /** Prove bedrock:ListInferenceProfiles in every region (the claude-code workload needs it). */
  listsInferenceProfiles: boolean
  /** The credentials gate fails when the identity's account is not one of these (allowed-account-ids). */
  allowedAccountIds?: string[]
  /** After the probe, export the credentials it used as AWS_* variables for later steps. */
  exportCredentials: boolean
  /** Also write the report JSON to this file (for upload-artifact and a later merge). */
  reportFile?: string
}

export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly problem: string,
    readonly fix: string
  ) {
    super(`Input "${input}" ${problem}. ${fix}`)
    this.name = 'InputError'
  }
}

export type InputReader = (name: string) => string

/** Split a list input on newlines and commas; blank entries are dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map(item => item.trim())
    .filter(item => item.length > 0)
}

export function parseBoolean(name: string, value: string): boolean {
  const normalized = value.trim()
  if (['true', 'True', 'TRUE'].includes(normalized)) return true
  if (['false', 'False', 'FALSE'].includes(normalized)) return false
  throw new InputError(name, `is "${normalized.slice(0, 40)}", not a boolean`, 'Use true or false.')
}

export function parseInteger(name: string, value: string, min: number, max: number): number {
  const normalized = value.trim()
  if (!/^\d+$/.test(normalized)) {
    throw new InputError(
      name,
      `is "${normalized.slice(0, 40)}", not a whole number`,
      `Use a number from ${min} to ${max}.`
    )
  }
  const parsed = Number(normalized)
  if (parsed < min || parsed > max) {
    throw new InputError(
      name,
      `is ${parsed}, outside ${min} to ${max}`,
      `Use a number from ${min} to ${max}.`
    )
  }
  return parsed
}

/** An IAM role ARN in any partition (aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc, …). */
const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/

export interface ExtraModels {
  ids: string[]
  sources: Map<string, SourceLocation>
}

/**
 * Read and validate every input. `env` supplies the region fallbacks (AWS_REGION, AWS_DEFAULT_REGION).
 * `extra` adds model IDs found elsewhere (models-from), placed first.
 */
export function parseInputs(
  read: InputReader,
  env: NodeJS.ProcessEnv,
  extra: ExtraModels = { ids: [], sources: new Map() }
): ProbeInputs {
  const get = (name: string): string => {
    const value = read(name).trim()
    return value !== '' ? value : (INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS] ?? '')
  }

  const modelsFrom = splitList(get('models-from'))
  const workloadText = get('workload')
  if (workloadText !== '' && !(WORKLOADS as readonly string[]).includes(workloadText)) {
    throw new InputError(
      'workload',
      `is "${printable(workloadText)}"`,
      `Use one of: ${WORKLOADS.join(', ')}, or leave it empty.`
    )
  }
  const workload = workloadText === '' ? undefined : workloadPreset(workloadText as Workload, env)
  const modelTexts = dedupe([...extra.ids, ...splitList(get('models')), ...(workload?.models ?? [])])
  if (modelTexts.length === 0) {
    throw new InputError(
      'models',
      modelsFrom.length > 0
        ? 'is empty and models-from found no model IDs'
        : workload
          ? `is empty and none of ${workload.modelVariables.join(', ')} is set`
          : 'is empty',
      'Name at least one model ID, inference-profile ID or ARN, e.g. "us.anthropic.claude-sonnet-4-6".'
    )
  }
  const models = modelTexts.map(text => {
    try {
      const ref = parseModelRef(text)
      // ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION: Claude Code calls its small/fast model in that region only.
      const pinned = workload?.pinnedRegions.get(text)
      if (pinned !== undefined && ref.pinnedRegion === undefined) {
        if (!REGION_SHAPE.test(pinned)) {
          throw new InputError(
            'workload',
            `reads ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION="${printable(pinned)}", which is not an AWS region`,
            'Set it to the region code Claude Code should call the small/fast model in, e.g. us-west-2.'
          )
        }
        return { ...ref, pinnedRegion: pinned }
      }
      return ref
    } catch (error) {
      if (!(error instanceof ModelIdError)) throw error
      throw new InputError(
        'models',
        `entry "${printable(text)}" ${error.message}`,
        'Copy the exact ID from the Bedrock console or `aws bedrock list-foundation-models`.'
      )
    }
  })

  const regionText = get('regions') || env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || ''
  const regions = dedupe(splitList(regionText))
  for (const region of regions) {
    if (!REGION_SHAPE.test(region)) {
      throw new InputError(
        'regions',
        `entry "${printable(region)}" is not an AWS region`,
        'Use region codes such as us-east-1, eu-central-1 or us-gov-west-1.'
      )
    }
  }
  const needsRegion = models.some(model => model.pinnedRegion === undefined)
  if (needsRegion && regions.length === 0) {
    throw new InputError(
      'regions',
      'is empty and neither AWS_REGION nor AWS_DEFAULT_REGION is set',
      'Set regions (e.g. "us-east-1, eu-central-1") or export AWS_REGION.'
    )
  }

  const pairs = buildPairs(models, regions, extra.sources)
  if (pairs.length > MAX_PAIRS) {
    throw new InputError(
      'models',
      `and regions make ${pairs.length} model × region checks; the limit is ${MAX_PAIRS}`,
      'Split the probe into several steps or name fewer models or regions.'
    )
  }

  const roleToAssume = get('role-to-assume') || undefined
  if (roleToAssume !== undefined && !ROLE_ARN.test(roleToAssume)) {
    throw new InputError(
      'role-to-assume',
      `is "${printable(roleToAssume)}", not an IAM role ARN`,
      'Use arn:aws:iam::123456789012:role/NAME (the role GitHub OIDC may assume).'
    )
  }
  const roleSessionName = get('role-session-name')
  if (!SESSION_NAME.test(roleSessionName)) {
    throw new InputError(
      'role-session-name',
      `is "${printable(roleSessionName)}"`,
      'Use 2 to 64 characters of letters, digits and +=,.@_-.'
    )
  }
  const audience = get('audience')
  if (audience.length > 256 || /\s/.test(audience)) {
    throw new InputError(
      'audience',
      'is not a valid OIDC audience',
      'Leave it at sts.amazonaws.com unless your identity provider uses another.'
    )
  }

  const failOn = parseFailOn(get('fail-on'))

  const createAgreement = parseBoolean('create-agreement', get('create-agreement'))
  const formText = get('use-case-form')
  let useCaseForm: UseCaseForm | undefined
  if (formText !== '') {
    try {
      useCaseForm = loadUseCaseForm(formText)
    } catch (error) {
      if (!(error instanceof UseCaseFormError)) throw error
      throw new InputError(
        'use-case-form',
        error.message,
        'Give JSON with companyName, companyWebsite, intendedUsers ("0", "1" or "2"), industryOption, otherIndustryOption and useCases, inline or as a file path.'
      )
    }
  }
  const waitText = get('wait-timeout-seconds')

  const httpProxy = get('http-proxy') || undefined
  if (httpProxy !== undefined && !isProxyUrl(httpProxy)) {
    throw new InputError(
      'http-proxy',
      'is not an http:// or https:// URL',
      'Use the proxy URL, e.g. http://proxy.internal:3128 or http://user:password@proxy.internal:3128.'
    )
  }
  const noProxy = get('no-proxy') || undefined
  const proxy = resolveProxy({ httpProxy, noProxy }, env)
  if (proxy && !isProxyUrl(proxy.url)) {
    throw new InputError(
      'http-proxy',
      'is empty, and HTTPS_PROXY or HTTP_PROXY in the environment is not an http:// or https:// URL',
      'Fix the proxy variable of the runner, or set http-proxy.'
    )
  }

  // No default in action.yml: empty means converse, or only the workload preset's calls when one is named.
  const callTexts = dedupe(splitList(get('calls') || (workload ? '' : DEFAULT_CALLS.join(','))))
  for (const call of callTexts) {
    if (!isCallKind(call)) {
      throw new InputError(
        'calls',
        `entry "${printable(call)}" is not a call the probe knows`,
        `Use any of ${CALLS.join(', ')} (comma- or newline-separated).`
      )
    }
  }
  const calls: CallKind[] = dedupe([...(callTexts as CallKind[]), ...(workload?.calls ?? [])])

  const accountText = get('allowed-account-ids')
  const allowedAccountIds = accountText === '' ? undefined : dedupe(splitList(accountText))
  for (const account of allowedAccountIds ?? []) {
    if (!/^\d{12}$/.test(account)) {
      throw new InputError(
        'allowed-account-ids',
        `entry "${printable(account)}" is not a 12-digit AWS account ID`,
        'List the account IDs the credentials may belong to, e.g. "111122223333, 444455556666".'
      )
    }
  }

  const comment = parseBoolean('comment', get('comment'))
  const githubToken = get('github-token') || undefined

  return {
    pairs,
    roleToAssume,
    audience,
    roleSessionName,
    roleDurationSeconds: parseInteger('role-duration-seconds', get('role-duration-seconds'), 900, 43200),
    invoke: parseBoolean('invoke', get('invoke')),
    failOn,
    requestTimeoutMs: parseInteger('request-timeout-seconds', get('request-timeout-seconds'), 1, 300) * 1000,
    timeoutMs: parseInteger('timeout-seconds', get('timeout-seconds'), 10, 21600) * 1000,
    createAgreement,
    useCaseForm,
    waitTimeoutSeconds: waitText === '' ? undefined : parseInteger('wait-timeout-seconds', waitText, 0, 3600),
    maskAccountId: parseBoolean('mask-account-id', get('mask-account-id')),
    comment,
    githubToken,
    ...(proxy ? { proxy } : {}),
    calls,
    ...(workload ? { workload: workload.name } : {}),
    listsInferenceProfiles: workload?.listsInferenceProfiles ?? false,
    ...(allowedAccountIds ? { allowedAccountIds } : {}),
    exportCredentials: parseBoolean('export-credentials', get('export-credentials')),
    ...(get('report-file') ? { reportFile: get('report-file') } : {})
  }
}

export function parseFailOn(text: string): FailOn {
  const value = text.trim() || INPUT_DEFAULTS['fail-on']
  if (!isFailOn(value)) {
    throw new InputError(
      'fail-on',
      `is "${printable(value)}"`,
      'Use error (default: a closed gate or an unproven check fails), closed (only a closed gate), warn or never.'
    )
  }
  return value
}

function isFailOn(value: string): value is FailOn {
  return (FAIL_ON as readonly string[]).includes(value)
}

/** Every model × region, deduplicated; ARNs are probed in their own region only. */
export function buildPairs(
  models: ModelRef[],
  regions: string[],
  sources: ReadonlyMap<string, SourceLocation> = new Map()
): Pair[] {
  const seen = new Set<string>()
  const pairs: Pair[] = []
  for (const ref of models) {
    for (const region of ref.pinnedRegion ? [ref.pinnedRegion] : regions) {
      const key = `${ref.input}\u0000${region}`
      if (seen.has(key)) continue
      seen.add(key)
      const source = sources.get(ref.input)
      pairs.push({ ref, region, ...(source ? { source } : {}) })
    }
  }
  return pairs
}

function dedupe<T extends string>(values: T[]): T[] {
  return [...new Set(values)]
}

/** An input echoed in an error message, with control characters made visible and length bounded. */
function printable(value: string): string {
  // JSON escapes control characters (\n, \u0007); the quotes it adds are dropped.
  return JSON.stringify(value.slice(0, 80)).slice(1, -1)
}
