/**
 * The call plan: whether to make the minimal calls, and which, from the verdicts the evidence gave. Image and
 * video models are never called (each call is billed per image or clip), a call that could accept a provider's
 * terms unasked is never made (the EULA rule), and an InvokeModel call goes out only with a body known for the model's family.
 * Pure: what each call sends is src/bedrock/calls.ts, making it is src/aws/runtime.ts.
 */
import { CALL_OPERATION, embeddingBody, invokeBody } from '../bedrock/calls.js'
import type { CallKind, Gates } from '../types.js'
import { modalityFromId } from '../bedrock/model-id.js'
import { isWorkingNow, type Cause } from '../causes/index.js'
import type { CallOutcome, CallRequest, Evidence, Modality } from '../evidence.js'

/** The calls to make, and the asked-for calls that are not made for this model (with why); or no call at all. */
export type CallPlan =
  | { via: 'calls'; requests: CallRequest[]; notRun: CallOutcome[] }
  | { via: 'none'; cause: Cause; reason: string }

export interface CallPolicy {
  invoke: boolean
  /** The calls the workload makes (the calls input). */
  calls: readonly CallKind[]
  /**
   * A call may go ahead where the agreement state is unknown: create-agreement consented to accepting terms, or
   * the session policy (role-to-assume) denies subscribing, so IAM keeps a call from accepting them.
   */
  termsGuarded: boolean
}

/**
 * A first call to a Marketplace model with no agreement subscribes the account and accepts the provider's
 * EULA (model-access user guide): the call plan must not make it unless create-agreement asked for that.
 * `would-accept`: the agreement is missing. `unknown`: its state could not be read, so a call might.
 */
export type TermsRisk = 'none' | 'would-accept' | 'unknown'

export function termsRiskOfCalling(e: Evidence): TermsRisk {
  if (!e.marketplace) return 'none'
  if (e.availability.state !== 'ok') return 'unknown'
  return e.availability.value.agreement === 'missing' ? 'would-accept' : 'none'
}

const none = (cause: Cause, reason: string): CallPlan => ({ via: 'none', cause, reason })

export function planCall(
  e: Evidence,
  verdicts: Gates,
  { invoke, calls, termsGuarded }: CallPolicy
): CallPlan {
  if (!invoke) return none('invoke-disabled', 'invoke is false; only a call proves bedrock:InvokeModel')
  // Credentials that end before the job still work now (isWorkingNow): the call proves everything else.
  if (verdicts.credentials.status === 'fail' && !isWorkingNow(verdicts.credentials.cause))
    return none('credentials', 'no usable credentials')
  const { bootstrap } = e
  if (bootstrap.waitTimedOut !== undefined || bootstrap.formMissing || bootstrap.agreementFailure)
    return none('bootstrap-incomplete', 'access is not live yet')
  if (verdicts.region.status === 'fail') return none('not-evaluated', 'the Region gate is closed')
  if (verdicts['iam-permission'].status === 'fail')
    return none('not-evaluated', 'the IAM-permission gate is already closed (see IAM permission)')
  const termsRisk = termsRiskOfCalling(e)
  if (termsRisk === 'would-accept') {
    return none(
      'would-accept-eula',
      'the provider agreement is missing, and a first call would accept its terms (see Provider terms)'
    )
  }
  if (termsRisk === 'unknown' && !termsGuarded) {
    return none(
      'agreement-unreadable',
      "the provider agreement could not be read, and a first call could accept the provider's EULA: grant " +
        'bedrock:GetFoundationModelAvailability (read-only), or use role-to-assume, whose session policy denies subscribing'
    )
  }
  const modality =
    (e.details.state === 'ok' ? e.details.value.modality : undefined) ?? modalityFromId(e.baseModelId ?? '')
  return callsFor(modality, e.baseModelId ?? '', calls)
}

/**
 * The requests the plan will make for a model judged by its ID alone, if every gate reads open: what a check may
 * send together with its reads (src/run/check.ts keeps the answers only if the real plan is the same).
 */
export function plannedRequests(baseModelId: string, calls: readonly CallKind[]): CallRequest[] | undefined {
  const plan = callsFor(modalityFromId(baseModelId), baseModelId, calls)
  return plan.via === 'calls' ? plan.requests : undefined
}

/**
 * Whether a system-defined profile's geography covers the source region (us. in us-*, eu. in eu-*, apac. in ap-*,
 * global. everywhere): only then is a profile call sent before the profile read confirms it exists here.
 */
export function profileCoversRegion(profileId: string, region: string): boolean {
  const prefix = /^([a-z]+(?:-[a-z]+)?)\./.exec(profileId)?.[1]
  if (!prefix) return false
  if (prefix === 'global') return true
  const geography: Record<string, RegExp> = {
    us: /^us-(east|west)-/,
    'us-gov': /^us-gov-/,
    eu: /^eu-/,
    // APAC's source regions include the Middle East (UAE) too (the CDK's CrossRegionInferenceProfileRegion.APAC).
    apac: /^(ap-|me-central-1$)/,
    jp: /^ap-northeast-[13]$/,
    au: /^ap-southeast-[24]$/,
    ca: /^ca-/
  }
  return geography[prefix]?.test(region) ?? false
}

/** The calls for a model of this modality once every gate before IAM reads open. */
function callsFor(modality: Modality | undefined, baseModelId: string, calls: readonly CallKind[]): CallPlan {
  switch (modality) {
    case 'image':
    case 'video':
      return none(
        'media-model',
        `${modality} models are billed per generated ${modality === 'image' ? 'image' : 'clip'}; the control plane is the evidence`
      )
    case 'embedding': {
      // Embedding models answer InvokeModel only: that one call is their proof, whichever calls were asked for.
      const body = embeddingBody(baseModelId)
      if (!body) return none('embedding-unknown', 'no minimal request body is known for this embedding model')
      const notRun = calls
        .filter(call => call !== 'invoke')
        .map(call => notRunCall(call, 'call-not-applicable', 'embedding models answer InvokeModel only'))
      return { via: 'calls', requests: [{ call: 'invoke', body }], notRun }
    }
    default:
      return textModelCalls(baseModelId, calls)
  }
}

/** Each asked call for a text model; an InvokeModel call needs the provider's body, known for the main families. */
function textModelCalls(baseModelId: string, calls: readonly CallKind[]): CallPlan {
  const requests: CallRequest[] = []
  const notRun: CallOutcome[] = []
  for (const call of calls) {
    if (call === 'converse' || call === 'converse-stream') {
      requests.push({ call })
      continue
    }
    const body = invokeBody(baseModelId)
    if (body) requests.push({ call, body })
    else
      notRun.push(
        notRunCall(
          call,
          'invoke-body-unknown',
          `no minimal ${CALL_OPERATION[call]} body is known for ${baseModelId || 'this model'}'s family`
        )
      )
  }
  if (requests.length === 0) {
    const first = notRun[0] as Extract<CallOutcome, { state: 'not-run' }>
    return none(first.cause, first.reason)
  }
  return { via: 'calls', requests, notRun }
}

function notRunCall(call: CallKind, cause: Cause, reason: string): CallOutcome {
  return { state: 'not-run', call, cause, reason }
}
