/** Evidence for the gate rules: an open check by default; each test overrides what its case is about. */
import type { ServiceQuota } from '../src/evidence.js'
import type {
  Availability,
  CallOutcome,
  CallsOutcome,
  Evidence,
  ModelDetails,
  QuotaListing,
  Read
} from '../src/evidence.js'
import type { CallKind, GateResult } from '../src/types.js'
import type { RunCredentials } from '../src/gates/common.js'
import { fixOf } from '../src/causes/index.js'
import { decideAfterCall, decideBeforeCall, type Decision } from '../src/gates/sequence.js'

export const NOW = new Date('2026-11-22T00:00:00Z')

export const AUTHENTICATED: GateResult = { status: 'pass', detail: 'Authenticated' }

/** The run's credentials verdict for a check: authenticated unless overridden. */
export const run = (
  gate: GateResult = AUTHENTICATED,
  more: Partial<RunCredentials> = {}
): RunCredentials => ({
  gate,
  usable: gate.status !== 'fail',
  ...more
})

/** Model details of an on-demand text model unless overridden. */
export const details = (value: Partial<ModelDetails> = {}): Read<ModelDetails> => ({
  state: 'ok',
  value: {
    modality: 'text',
    onDemand: 'supported',
    inferenceTypes: ['ON_DEMAND'],
    displayName: 'Anthropic Claude 3 Haiku',
    provider: 'Anthropic',
    name: 'Claude 3 Haiku',
    ...value
  }
})

/** A readable availability: offered, entitled, agreement live and authorized unless overridden. */
export const available = (value: Partial<Availability> = {}): Read<Availability> => ({
  state: 'ok',
  value: { offered: true, entitled: true, agreement: 'live', authorized: true, ...value }
})

export function evidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    model: 'anthropic.claude-3-haiku-20240307-v1:0',
    region: 'us-east-1',
    isProfile: false,
    baseModelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    marketplace: true,
    anthropic: true,
    account: '111122223333',
    now: NOW,
    profile: { state: 'not-read', reason: 'not a profile' },
    availability: available(),
    details: details(),
    bootstrap: {},
    ...overrides
  }
}

export function profileEvidence(overrides: Partial<Evidence> = {}): Evidence {
  return evidence({
    model: 'us.anthropic.claude-sonnet-4-6',
    isProfile: true,
    profileId: 'us.anthropic.claude-sonnet-4-6',
    baseModelId: 'anthropic.claude-sonnet-4-6',
    profile: {
      state: 'ok',
      value: {
        arn: 'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-6',
        baseModelId: 'anthropic.claude-sonnet-4-6',
        destinationRegions: ['us-east-1', 'us-west-2'],
        modelArns: [
          'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6',
          'arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-6'
        ]
      }
    },
    details: details({ onDemand: 'not-supported', inferenceTypes: ['INFERENCE_PROFILE'] }),
    ...overrides
  })
}

export const denied = (permission: string) =>
  ({
    state: 'denied',
    permission,
    failure: {
      kind: 'service',
      name: 'AccessDeniedException',
      message: `not authorized to perform: ${permission}`
    }
  }) as const

export const CALL_OK: CallOutcome = { state: 'ok', call: 'converse' }
/** The minimal call was not made (invoke: false). */
export const NO_CALL = { state: 'not-run', cause: 'invoke-disabled', reason: 'invoke is false' } as const

/** The call was refused with this AWS answer. */
export const refused = (name: string, message: string, call: CallKind = 'converse'): CallOutcome => ({
  state: 'failed',
  call,
  failure: { kind: 'service', name, message }
})

/**
 * Both passes of the verdict, as a check makes them: the control plane, then the calls' outcome. One call's
 * outcome stands for a run that asked for that call only.
 */
export function judge(
  e: Evidence,
  calls: CallOutcome | CallsOutcome = CALL_OK,
  credentials: GateResult = AUTHENTICATED,
  asked?: CallKind[]
): Decision {
  const outcome: CallsOutcome =
    calls.state === 'made' || (calls.state === 'not-run' && !('call' in calls))
      ? calls
      : { state: 'made', outcomes: [calls] }
  const askedCalls =
    asked ?? (outcome.state === 'made' ? outcome.outcomes.map(made => made.call) : ['converse'])
  return decideAfterCall(e, decideBeforeCall(e, run(credentials)), outcome, askedCalls)
}

export const HAIKU_ON_DEMAND = 'On-demand InvokeModel tokens per minute for Anthropic Claude 3 Haiku'
export const HAIKU_PER_DAY = 'Model invocation max tokens per day for Anthropic Claude 3 Haiku'

/**
 * The region's Bedrock quotas for the default model (Claude 3 Haiku, on demand), AWS's defaults unless `applied`
 * gives the account's value of a quota (undefined: left out of ListServiceQuotas).
 */
export function quotaListing(applied: Record<string, number | undefined> = {}): Read<QuotaListing> {
  const defaults: ServiceQuota[] = [
    { name: HAIKU_ON_DEMAND, code: 'L-HAIKU-OD', value: 200000, adjustable: true, period: '1 MINUTE' },
    { name: HAIKU_PER_DAY, code: 'L-HAIKU-DAY', value: 288000000, adjustable: true, period: '1 DAY' }
  ]
  const listed = defaults.flatMap(quota => {
    if (!(quota.name in applied)) return [quota]
    const value = applied[quota.name]
    return value === undefined ? [] : [{ ...quota, value }]
  })
  return { state: 'ok', value: { applied: listed, defaults } }
}

/** A call throttled after retries, with this message (per minute unless it says per day). */
export const throttledCall = (message: string, call: CallKind = 'converse'): CallOutcome => ({
  state: 'failed',
  call,
  failure: { kind: 'throttled', name: 'ThrottlingException', message }
})

/** A verdict's fix in the words the report gives it (the report builds them from the cause and its facts). */
export const fixIn = (gate: GateResult | undefined): string | undefined =>
  gate && fixOf(gate, { model: '', region: '' })
