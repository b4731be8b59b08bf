/**
 * The verdict of one check, in one pass: decide the control-plane gates from the evidence, plan the minimal
 * call from those verdicts, then apply the call's outcome. Pure: no AWS, no clock, no I/O.
 *
 * - Each gate's rules live in its own file beside this one; this file only sequences them.
 * - A successful call opens every gate (a control-plane "closed" becomes a warning that access may still be
 *   settling); a refused call closes the gate its error names (the catalogue).
 * - Faults (timeouts, 5xx, throttling, unreadable answers) never close a gate: they leave it "warn".
 * - A read the identity may not make is not a failure: the gate is "skip" until the call proves it.
 */
import type { AwsFailure } from '../aws/failure.js'
import { embeddingBody, invokeBody } from '../aws/invoke.js'
import { CALL_OPERATION, type CallKind } from '../calls.js'
import { diagnose, type Diagnosis } from '../diagnosis/catalogue.js'
import type { CallOutcome, CallRequest, CallsOutcome, Evidence } from '../evidence.js'
import { modalityFromId, type Modality } from '../model-id.js'
import {
  GATE_TITLES,
  GATES,
  type Cause,
  type GateName,
  type GateResult,
  type Gates,
  type IamStatement,
  type Verdict
} from '../types.js'
import { fromCatalogue, isFaultGate } from './common.js'
import { credentialsFromReads, keyAcceptedByReads } from './credentials.js'
import {
  iamFromCalls,
  iamFromRefusal,
  iamStatementFor,
  withCallsNamed,
  withProfileListing
} from './iam-permission.js'
import { decideModelAccess, modelAccessFromRefusal } from './model-access.js'
import { decideProviderTerms, termsRiskOfCalling } from './provider-terms.js'
import { decideRegion, PROFILE_HINT_CAUSES } from './region.js'

/** The gates the control plane can decide before any call. */
export type ControlPlaneVerdicts = Omit<Gates, 'iam-permission'>

export interface Decision {
  gates: Gates
  iamStatement?: IamStatement
}

/** The calls to make, and the asked-for calls that are not made for this model (with why); or no call at all. */
export type CallPlan =
  | { via: 'calls'; requests: CallRequest[]; notRun: CallOutcome[] }
  | { via: 'none'; cause: Cause; reason: string }

/** First pass: every gate the reads can decide. `credentials` is the run's verdict, decided once. */
export function decideControlPlane(e: Evidence, credentials: GateResult): ControlPlaneVerdicts {
  return oneRootCause(
    {
      credentials: credentialsFromReads(e) ?? keyAcceptedByReads(e, credentials) ?? credentials,
      region: decideRegion(e),
      'model-access': decideModelAccess(e),
      'provider-terms': decideProviderTerms(e)
    },
    e
  )
}

/**
 * One root cause closes one gate: the gates behind it are "not evaluated", saying why, so no two fixes
 * compete. A model not offered in the region has no entitlement or agreement there to speak of; a Marketplace
 * entitlement follows its agreement, so a missing or settling agreement is the provider-terms gate's to fix.
 */
export function oneRootCause(verdicts: ControlPlaneVerdicts, e: Evidence): ControlPlaneVerdicts {
  const notEvaluated = (why: string): GateResult => ({
    status: 'skip',
    cause: 'not-evaluated',
    detail: `Not evaluated: ${why}`
  })
  const region = verdicts.region
  if (region.status === 'fail') {
    const why = `the Region gate is closed (${region.cause ?? 'region'})`
    return {
      ...verdicts,
      'model-access':
        verdicts['model-access'].status === 'pass' ? verdicts['model-access'] : notEvaluated(why),
      'provider-terms':
        verdicts['provider-terms'].status === 'pass' ? verdicts['provider-terms'] : notEvaluated(why)
    }
  }
  const access = verdicts['model-access']
  const terms = verdicts['provider-terms']
  const agreementIsTheCause =
    e.marketplace &&
    access.cause === 'not-entitled' &&
    (terms.cause === 'agreement-missing' ||
      terms.cause === 'agreement-pending' ||
      terms.cause === 'use-case-missing' ||
      terms.cause === 'wait-timed-out' ||
      e.bootstrap.agreementCreated === true)
  if (agreementIsTheCause) {
    return {
      ...verdicts,
      'model-access': notEvaluated(
        e.bootstrap.agreementCreated
          ? 'the agreement this run created is still being set up, and the entitlement follows it'
          : 'the entitlement follows the provider agreement (see Provider terms)'
      )
    }
  }
  return verdicts
}

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
 * Whether to make the minimal call, and which, from the verdicts. Image and video models are never invoked
 * (each call is billed per image or clip), and a call that could accept a provider's terms unasked is never made.
 */
export function planCall(
  e: Evidence,
  verdicts: ControlPlaneVerdicts,
  { invoke, calls, termsGuarded }: CallPolicy
): CallPlan {
  const none = (cause: Cause, reason: string): CallPlan => ({ via: 'none', cause, reason })
  if (!invoke) return none('invoke-disabled', 'invoke is false; only a call proves bedrock:InvokeModel')
  if (verdicts.credentials.status === 'fail') return none('credentials', 'no usable credentials')
  const { bootstrap } = e
  if (bootstrap.waitTimedOut !== undefined || bootstrap.formMissing || bootstrap.agreementFailure)
    return none('bootstrap-incomplete', 'access is not live yet')
  const region = verdicts.region
  if (region.status === 'fail')
    return none(region.cause ?? 'region-not-offered', 'the Region gate is closed (see Region)')
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

/** The calls for a model of this modality once every gate before IAM reads open. */
function callsFor(modality: Modality | undefined, baseModelId: string, calls: readonly CallKind[]): CallPlan {
  const none = (cause: Cause, reason: string): CallPlan => ({ via: 'none', cause, reason })
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

/**
 * The requests the plan will make for a model judged by its ID alone, if every gate reads open: what a check may
 * send together with its reads (src/check.ts keeps the answers only if the real plan is the same).
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
    apac: /^ap-/,
    jp: /^ap-northeast-[13]$/,
    au: /^ap-southeast-[24]$/,
    ca: /^ca-/
  }
  return geography[prefix]?.test(region) ?? false
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
    return { via: 'none', cause: first.cause, reason: first.reason }
  }
  return { via: 'calls', requests, notRun }
}

function notRunCall(call: CallKind, cause: Cause, reason: string): CallOutcome {
  return { state: 'not-run', call, cause, reason }
}

/** The gates a successful call proves, whatever the control plane could or could not read. */
const PROVEN_BY_A_CALL = ['credentials', 'region', 'model-access', 'provider-terms'] as const

/** Gate-specific readings of a refusal; the others take the catalogue row as it is. */
const REFUSAL_RULES: Partial<
  Record<GateName, (e: Evidence, failure: AwsFailure, diagnosis: Diagnosis) => GateResult>
> = {
  'model-access': modelAccessFromRefusal,
  'iam-permission': iamFromRefusal
}

/** Second pass: what the calls proved or refused, over the control plane's verdicts. */
export function decide(
  e: Evidence,
  verdicts: ControlPlaneVerdicts,
  calls: CallsOutcome,
  asked: readonly CallKind[]
): Decision {
  const gates: Gates = { ...verdicts, 'iam-permission': iamFromCalls(calls) }
  if (calls.state === 'made') {
    const { outcomes } = calls
    const failures = outcomes.flatMap(outcome => (outcome.state === 'failed' ? [outcome.failure] : []))
    // A refusal is proof the workload fails: the first one the catalogue recognises names its gate.
    const refusal = failures
      .filter(failure => failure.kind === 'service')
      .map(failure => ({ failure, diagnosis: diagnose(failure) }))
      .find((found): found is { failure: AwsFailure; diagnosis: Diagnosis } => found.diagnosis !== undefined)
    const succeeded = outcomes.some(outcome => outcome.state === 'ok')
    if (refusal) applyRefusal(gates, e, refusal.failure, refusal.diagnosis)
    if (succeeded && (!refusal || refusal.diagnosis.entry.gate === 'iam-permission')) {
      // One call got through: every gate before IAM is open, whatever another call's action was refused.
      for (const name of PROVEN_BY_A_CALL) gates[name] = provenByCall(gates[name])
    } else if (!refusal && failures.some(failure => failure.kind === 'throttled')) {
      for (const name of PROVEN_BY_A_CALL) {
        if (gates[name].status === 'skip' || isFaultGate(gates[name]))
          gates[name] = { status: 'pass', detail: 'The request was authorized (it was throttled afterwards)' }
      }
    }
    if (refusal?.diagnosis.entry.gate === 'iam-permission')
      gates['iam-permission'] = withCallsNamed(gates['iam-permission'], outcomes)
  }
  // A refused credential refuses the listing too: one root cause closes one gate.
  if (gates.credentials.status !== 'fail')
    gates['iam-permission'] = withProfileListing(gates['iam-permission'], e)
  const iamStatement = iamStatementFor(e, gates['iam-permission'], asked)
  return { gates, ...(iamStatement ? { iamStatement } : {}) }
}

/** A control-plane verdict after a successful call. */
function provenByCall(gate: GateResult): GateResult {
  // A read that was denied or lost to a fault left the gate open to question; the call answers it.
  if (gate.status === 'skip' || isFaultGate(gate))
    return { status: 'pass', detail: `Proven by the call (${gate.detail})` }
  if (gate.status === 'fail') {
    return {
      status: 'warn',
      ...(gate.cause ? { cause: gate.cause } : {}),
      detail: `The call succeeded although ${gate.detail}`,
      fix: 'Access may still be settling: AWS lets first calls through while a subscription completes, and they fail with 403 later if a prerequisite is missing.'
    }
  }
  return gate
}

function applyRefusal(gates: Gates, e: Evidence, failure: AwsFailure, diagnosis: Diagnosis): void {
  const name = diagnosis.entry.gate
  const rule = REFUSAL_RULES[name] ?? fromCatalogue
  const fromCall = rule(e, failure, diagnosis)
  if (name === 'iam-permission') {
    gates[name] = fromCall
    return
  }
  const before = gates[name]
  // Both sources closed the gate: keep the control plane's account of it and add the call's words.
  gates[name] =
    before.status === 'fail' && fromCall.status === 'fail'
      ? { ...before, detail: `${before.detail} (the call said: ${failure.message})` }
      : fromCall
  gates['iam-permission'] = {
    status: 'skip',
    cause: 'refused-earlier',
    detail: `Not proven: the call was refused at the ${GATE_TITLES[name]} gate`
  }
}

/** IAM-gate causes of a call that got past authorization and was then held back: access is proven. */
const CALL_GOT_THROUGH: ReadonlySet<Cause> = new Set<Cause>(['throttled', 'quota-exceeded'])
/**
 * IAM-gate causes of a call the probe did not make by design (invoke: false, or a model billed per image or
 * clip): the control plane is then the whole evidence, and it must read open.
 */
const CALL_NOT_ASKED: ReadonlySet<Cause> = new Set<Cause>(['invoke-disabled', 'media-model'])
/** Control-plane warnings that still read open: the model works today. */
const OPEN_WITH_CAVEAT: ReadonlySet<Cause> = new Set<Cause>(['model-legacy'])

/**
 * The check's result. fail when any gate is closed; pass only on proof (the call got through, or a call not
 * asked for and every other gate read open); inconclusive otherwise. Green means proven.
 */
export function overallResult(gates: Gates): Verdict {
  if (Object.values(gates).some(gate => gate.status === 'fail')) return 'fail'
  // allowed-account-ids was asked for and could not be checked: the call got through, but not as proven.
  if (gates.credentials.cause === 'account-unverifiable') return 'inconclusive'
  const iam = gates['iam-permission']
  if (iam.status === 'pass' || (iam.cause !== undefined && CALL_GOT_THROUGH.has(iam.cause))) return 'pass'
  const readOpen = (gate: GateResult) =>
    gate.status === 'pass' ||
    (gate.status === 'warn' && gate.cause !== undefined && OPEN_WITH_CAVEAT.has(gate.cause))
  const controlPlane = GATES.filter(name => name !== 'iam-permission').map(name => gates[name])
  if (
    iam.status === 'skip' &&
    iam.cause !== undefined &&
    CALL_NOT_ASKED.has(iam.cause) &&
    controlPlane.every(readOpen)
  )
    return 'pass'
  return 'inconclusive'
}

/** Whether the region verdict is one whose fix is best shown with the profiles that reach the model. */
export function wantsProfileHint(gates: Pick<Gates, 'region'>): boolean {
  const region = gates.region
  return region.status === 'fail' && region.cause !== undefined && PROFILE_HINT_CAUSES.has(region.cause)
}
