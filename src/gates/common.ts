/**
 * What every gate shares: the contract each gate file fulfils (GateRules), what the calls showed (read once for
 * every gate), and the verdicts that do not depend on the gate: evidence lost to a fault, evidence that could not
 * be read, a catalogue row as a verdict, and a control-plane verdict once a call got through. A verdict carries its
 * cause and the facts its fix names; the words are the report's (src/causes/ has them). Nothing here decides a
 * particular gate.
 */
import type { CallKind, GateResult } from '../types.js'
import {
  FIX_FACT_NAMES,
  GATE_TITLES,
  kindOf,
  type Cause,
  type FixContext,
  type GateName
} from '../causes/index.js'
import type { Diagnosis } from '../diagnosis/catalogue.js'
import { regionChoices } from '../bedrock/model-id.js'
import type { ApiKeyInfo, AwsFailure, CallsOutcome, Evidence, Read } from '../evidence.js'

/** The run's credentials verdict (decided once, from how the identity was established), as a check needs it. */
export interface RunCredentials {
  gate: GateResult
  /** false when no AWS call can succeed: the check is closed at the credentials gate. */
  usable: boolean
  account?: string
  /** The Bedrock API key the calls carry, when the key is the credential. */
  apiKey?: ApiKeyInfo
}

/** A refused call, and the catalogue row (and so the gate) that names it. */
export interface Refusal {
  failure: AwsFailure
  diagnosis: Diagnosis
}

/** What the calls showed, read once (sequence.ts) for every gate. */
export interface AfterCall {
  calls: CallsOutcome
  /** The calls the workload makes (the calls input). */
  asked: readonly CallKind[]
  /** The first refusal the catalogue recognised: it names the gate that refused the request. */
  refusal?: Refusal
  /** A call got through, and no refusal names a gate before IAM: the request passed every gate before IAM. */
  passedGatesBeforeIam: boolean
  /**
   * Nothing got through and no access gate refused it, but a call was stopped after it was authorized: held back for
   * capacity (throttled, or refused for a quota: the capacity gate's), or failed by the model itself
   * (ModelErrorException, ModelNotReadyException, …). Either way every access gate let the request through.
   */
  authorizedThenStopped?: 'capacity' | 'model'
}

/** The same questions, answered by each gate in its own file; nothing outside it decides that gate. */
export interface GateRules {
  readonly name: GateName
  /** The verdict from the evidence, before any call. */
  fromEvidence(e: Evidence, run: RunCredentials): GateResult
  /** The verdict once the calls are made: `before` is this gate's verdict from the evidence. */
  afterCall(e: Evidence, before: GateResult, after: AfterCall): GateResult
}

/** What a fix may name about the check: its model and region, and what the gate adds. */
export type FixSubject = Pick<Evidence, 'model' | 'region' | 'baseModelId' | 'account'> &
  Partial<Omit<FixContext, 'model' | 'region' | 'baseModelId' | 'account'>>

/** What a fix may name of the subject (often the whole evidence of the check): those names only. */
function contextOf(subject: FixSubject): FixContext {
  const facts = Object.fromEntries(
    FIX_FACT_NAMES.filter(name => subject[name] !== undefined).map(name => [name, subject[name]])
  ) as Partial<FixContext>
  return { groups: [], ...facts, model: subject.model, region: subject.region }
}

/** A verdict for a cause, with what its fix names: the report words it (fixOf, src/causes/index.ts). */
export function verdict(
  status: GateResult['status'],
  cause: Cause,
  detail: string,
  subject: FixSubject
): GateResult {
  return { status, cause, detail, facts: contextOf(subject) }
}

/** A fault's cause: what kind of fault, so that its fix names the real trouble. */
function faultCause(failure: AwsFailure): Cause {
  if (failure.kind === 'cancelled') return 'cancelled'
  if (failure.kind === 'timeout') return 'timed-out'
  switch (failure.fault) {
    case 'unreachable':
      return 'unreachable'
    case 'unknown-region':
      return 'region-unknown'
    case 'not-aws':
      return 'not-from-aws'
    case 'tls':
      return 'tls-untrusted'
    case 'proxy':
      return 'proxy-failed'
    case 'server':
      return 'service-error'
    case 'model':
      return 'model-not-serving'
    default:
      return 'fault'
  }
}

function describeFault(failure: AwsFailure): string {
  return failure.kind === 'throttled'
    ? `throttled after retries (${failure.name}: ${failure.message})`
    : failure.message
}

/** A gate a fault left undecided: a warning, never a verdict, and the fix names the fault. */
export function faultGate(operation: string, failure: AwsFailure): GateResult {
  return verdict(
    'warn',
    faultCause(failure),
    `Could not be decided: ${operation} ${describeFault(failure)}`,
    {
      model: '',
      region: failure.unknownRegion?.region ?? '',
      groups: failure.unknownRegion
        ? [failure.unknownRegion.region, regionChoices(failure.unknownRegion.nearest)]
        : []
    }
  )
}

export function isFaultGate(gate: GateResult): boolean {
  return gate.status === 'warn' && kindOf(gate.cause) === 'fault'
}

/** The verdict when a read gave no usable evidence: the call (if any) decides. */
export function unreadGate<T>(read: Exclude<Read<T>, { state: 'ok' }>, permission: string): GateResult {
  switch (read.state) {
    case 'denied':
      return {
        status: 'skip',
        cause: 'read-denied',
        detail: `Not readable by this identity (${permission} denied); the call is the evidence`,
        facts: { permission }
      }
    case 'failed':
      return faultGate(permission.replace('bedrock:', ''), read.failure)
    case 'not-found':
      return { status: 'skip', cause: 'not-found', detail: `Not found: ${read.failure.message}` }
    case 'invalid':
      return { status: 'skip', cause: 'not-read', detail: `Refused as malformed: ${read.failure.message}` }
    case 'not-read':
      return { status: 'skip', cause: 'not-read', detail: read.reason }
  }
}

/** A catalogue row as a verdict: its status, its cause, the row's reading of AWS's message, and the cause's fix. */
export function fromCatalogue(subject: FixSubject, failure: AwsFailure, diagnosis: Diagnosis): GateResult {
  const { entry, groups } = diagnosis
  return verdict(entry.status, entry.id, `${entry.reading}: ${failure.message}`, { ...subject, groups })
}

/** A control-plane verdict after a successful call. */
export function provenByCall(gate: GateResult): GateResult {
  // A read that was denied or lost to a fault left the gate open to question; the call answers it.
  if (gate.status === 'skip' || isFaultGate(gate))
    return { status: 'pass', detail: `Proven by the call (${gate.detail})` }
  if (gate.status === 'fail') {
    return {
      status: 'warn',
      ...(gate.cause ? { cause: gate.cause } : {}),
      detail: `The call succeeded although ${gate.detail}`,
      facts: { settling: true }
    }
  }
  return gate
}

/**
 * The gates before IAM once the calls are made, alike but for how each reads a refusal on it: refused here (the
 * control plane's account is kept when both closed it), proven by a call that got through, or authorized by a
 * call that was throttled afterwards.
 */
export function controlPlaneAfterCall(
  name: GateName,
  fromRefusal: (e: Evidence, refusal: Refusal) => GateResult
): GateRules['afterCall'] {
  return (e, before, after) => {
    const refusal = after.refusal
    if (refusal?.diagnosis.gate === name) {
      const fromCall = fromRefusal(e, refusal)
      return before.status === 'fail' && fromCall.status === 'fail'
        ? { ...before, detail: `${before.detail} (the call said: ${refusal.failure.message})` }
        : fromCall
    }
    if (after.passedGatesBeforeIam) return provenByCall(before)
    if (after.authorizedThenStopped && (before.status === 'skip' || isFaultGate(before)))
      return {
        status: 'pass',
        detail: `The request was authorized (${STOPPED_AFTER[after.authorizedThenStopped]})`
      }
    return before
  }
}

const STOPPED_AFTER = {
  capacity: 'then held back for capacity',
  model: 'then the model failed to serve it'
} as const

/** The words for a gate the call was refused at, for the gates behind it. */
export function refusedAt(gate: GateName): string {
  return `Not evaluated: the ${GATE_TITLES[gate]} gate is closed`
}
