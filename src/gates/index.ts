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
import { embeddingBody } from '../aws/invoke.js'
import { diagnose, type Diagnosis } from '../diagnosis/catalogue.js'
import type { CallOutcome, CallRequest, Evidence } from '../evidence.js'
import { modalityFromId } from '../model-id.js'
import {
  GATE_TITLES,
  type Cause,
  type GateName,
  type GateResult,
  type Gates,
  type IamStatement
} from '../types.js'
import { fromCatalogue, isFaultGate } from './common.js'
import { credentialsFromReads } from './credentials.js'
import { iamFromCall, iamFromRefusal, iamStatementFor } from './iam-permission.js'
import { decideModelAccess, modelAccessFromRefusal } from './model-access.js'
import { callWouldAcceptTerms, decideProviderTerms } from './provider-terms.js'
import { decideRegion, PROFILE_HINT_CAUSES } from './region.js'

/** The gates the control plane can decide before any call. */
export type ControlPlaneVerdicts = Omit<Gates, 'iam-permission'>

export interface Decision {
  gates: Gates
  iamStatement?: IamStatement
}

export type CallPlan = CallRequest | { via: 'none'; cause: Cause; reason: string }

/** First pass: every gate the reads can decide. `credentials` is the run's verdict, decided once. */
export function decideControlPlane(e: Evidence, credentials: GateResult): ControlPlaneVerdicts {
  return {
    credentials: credentialsFromReads(e) ?? credentials,
    region: decideRegion(e),
    'model-access': decideModelAccess(e),
    'provider-terms': decideProviderTerms(e)
  }
}

/**
 * Whether to make the minimal call, and which, from the verdicts. Image and video models are never invoked
 * (each call is billed per image or clip), and a call that would accept a provider's terms is never made.
 */
export function planCall(e: Evidence, verdicts: ControlPlaneVerdicts, invoke: boolean): CallPlan {
  const none = (cause: Cause, reason: string): CallPlan => ({ via: 'none', cause, reason })
  if (!invoke) return none('invoke-disabled', 'invoke is false; only a call proves bedrock:InvokeModel')
  if (verdicts.credentials.status === 'fail') return none('credentials', 'no usable credentials')
  const { bootstrap } = e
  if (bootstrap.waitTimedOut !== undefined || bootstrap.formMissing || bootstrap.agreementFailure)
    return none('bootstrap-incomplete', 'access is not live yet')
  const region = verdicts.region
  if (region.status === 'fail')
    return none(region.cause ?? 'region-not-offered', `the Region gate is closed: ${region.detail}`)
  if (callWouldAcceptTerms(e)) {
    return none(
      'would-accept-eula',
      "no agreement exists, and a first call would accept the provider's EULA (set create-agreement: true to do that)"
    )
  }
  const modality =
    (e.details.state === 'ok' ? e.details.value.modality : undefined) ?? modalityFromId(e.baseModelId ?? '')
  switch (modality) {
    case 'image':
    case 'video':
      return none(
        'media-model',
        `${modality} models are billed per generated ${modality === 'image' ? 'image' : 'clip'}; the control plane is the evidence`
      )
    case 'embedding': {
      const body = embeddingBody(e.baseModelId ?? '')
      return body
        ? { via: 'invoke-model', body }
        : none('embedding-unknown', 'no minimal request body is known for this embedding model')
    }
    default:
      return { via: 'converse' }
  }
}

const CONTROL_PLANE_GATES = ['region', 'model-access', 'provider-terms'] as const

/** Gate-specific readings of a refusal; the others take the catalogue row as it is. */
const REFUSAL_RULES: Partial<
  Record<GateName, (e: Evidence, failure: AwsFailure, diagnosis: Diagnosis) => GateResult>
> = {
  'model-access': modelAccessFromRefusal,
  'iam-permission': iamFromRefusal
}

/** Second pass: what the call proved or refused, over the control plane's verdicts. */
export function decide(e: Evidence, verdicts: ControlPlaneVerdicts, call: CallOutcome): Decision {
  const gates: Gates = { ...verdicts, 'iam-permission': iamFromCall(call) }
  if (call.state === 'ok') {
    for (const name of CONTROL_PLANE_GATES) gates[name] = provenByCall(gates[name])
  } else if (call.state === 'failed' && call.failure.kind === 'throttled') {
    for (const name of CONTROL_PLANE_GATES) {
      if (gates[name].status === 'skip')
        gates[name] = { status: 'pass', detail: 'The request was authorized (it was throttled afterwards)' }
    }
  } else if (call.state === 'failed' && call.failure.kind === 'service') {
    const diagnosis = diagnose(call.failure)
    if (diagnosis) applyRefusal(gates, e, call.failure, diagnosis)
  }
  const iamStatement = iamStatementFor(e, gates['iam-permission'])
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
  const before = gates[name]
  // Both sources closed the gate: keep the control plane's account of it and add the call's words.
  gates[name] =
    before.status === 'fail' && fromCall.status === 'fail'
      ? { ...before, detail: `${before.detail} (the call said: ${failure.message})` }
      : fromCall
  if (name !== 'iam-permission') {
    gates['iam-permission'] = {
      status: 'skip',
      cause: 'refused-earlier',
      detail: `Not proven: the call was refused at the ${GATE_TITLES[name]} gate`
    }
  }
}

/** A check fails when any gate is closed. */
export function overallResult(gates: Gates): 'pass' | 'fail' {
  return Object.values(gates).some(gate => gate.status === 'fail') ? 'fail' : 'pass'
}

/** Whether the region verdict is one whose fix is best shown with the profiles that reach the model. */
export function wantsProfileHint(gates: Gates): boolean {
  const region = gates.region
  return region.status === 'fail' && region.cause !== undefined && PROFILE_HINT_CAUSES.has(region.cause)
}
