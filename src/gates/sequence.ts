/**
 * How the gates combine into one check's verdict: the rules that are no single gate's. Each gate decides itself
 * (one file each, beside this one); this file only sequences them and holds what crosses gates:
 *
 * - one root cause closes one gate: the gates behind a closed Region (or behind a missing agreement, for the
 *   entitlement that follows it) are "not evaluated", saying why;
 * - the call's last word: the calls are read once here (what got through, what was throttled, the first refusal
 *   the catalogue recognises and the gate it names), and every gate decides from that reading;
 * - the check's result: fail when a gate is closed, pass only on proof, inconclusive otherwise.
 * Pure: no AWS, no clock, no I/O.
 */
import type { CallKind, GateResult, Gates, IamStatement, Verdict } from '../types.js'
import { CAUSES, GATE_TITLES, GATES, isWorkingNow, kindOf, type GateName } from '../causes/index.js'
import { diagnose, type Diagnosis } from '../diagnosis/catalogue.js'
import type { AwsFailure, CallsOutcome, Evidence } from '../evidence.js'
import type { AfterCall, GateRules, RunCredentials } from './common.js'
import { capacityGate } from './capacity.js'
import { credentialsGate } from './credentials.js'
import { iamPermissionGate, iamStatementFor } from './iam-permission.js'
import { modelAccessGate } from './model-access.js'
import { providerTermsGate } from './provider-terms.js'
import { regionGate } from './region.js'

/** The gates in the order a request meets them: each decides itself. */
const RULES: Record<GateName, GateRules> = {
  credentials: credentialsGate,
  region: regionGate,
  'model-access': modelAccessGate,
  'provider-terms': providerTermsGate,
  'iam-permission': iamPermissionGate,
  capacity: capacityGate
}

export interface Decision {
  gates: Gates
  iamStatement?: IamStatement
}

/** First pass: every gate from the evidence (the IAM gate waits for the call), one root cause per check. */
export function decideBeforeCall(e: Evidence, run: RunCredentials): Gates {
  const gates = Object.fromEntries(GATES.map(name => [name, RULES[name].fromEvidence(e, run)])) as Gates
  return oneRootCause(gates, e)
}

/**
 * One root cause closes one gate: the gates behind it are "not evaluated", saying why, so no two fixes
 * compete. A model not offered in the region has no entitlement or agreement there to speak of; a Marketplace
 * entitlement follows its agreement, so a missing or settling agreement is the provider-terms gate's to fix.
 */
function oneRootCause(gates: Gates, e: Evidence): Gates {
  const notEvaluated = (why: string): GateResult => ({
    status: 'skip',
    cause: 'not-evaluated',
    detail: `Not evaluated: ${why}`
  })
  const region = gates.region
  if (region.status === 'fail') {
    const why = 'the Region gate is closed'
    return {
      ...gates,
      'model-access': gates['model-access'].status === 'pass' ? gates['model-access'] : notEvaluated(why),
      'provider-terms':
        gates['provider-terms'].status === 'pass' ? gates['provider-terms'] : notEvaluated(why)
    }
  }
  if (gates['iam-permission'].status === 'fail') {
    // Closed before any call: the reads themselves were refused the API key's action, which every request needs.
    // A read "denied" for that reason says nothing of its own permission, so no gate asks for it.
    const closedBy = gates['iam-permission'].cause
    const why = `every request with this API key is refused (${closedBy ? CAUSES[closedBy].title : 'IAM'}: see IAM permission)`
    const unread = (gate: GateResult) => (gate.cause === 'read-denied' ? notEvaluated(why) : gate)
    return {
      ...gates,
      region: unread(gates.region),
      'model-access': unread(gates['model-access']),
      'provider-terms': unread(gates['provider-terms'])
    }
  }
  const access = gates['model-access']
  const terms = gates['provider-terms']
  const agreementIsTheCause =
    e.marketplace &&
    access.cause === 'not-entitled' &&
    (terms.cause === 'agreement-missing' ||
      terms.cause === 'agreement-not-created' ||
      terms.cause === 'agreement-pending' ||
      terms.cause === 'use-case-missing' ||
      terms.cause === 'wait-timed-out' ||
      e.bootstrap.agreementCreated === true)
  if (!agreementIsTheCause) return gates
  return {
    ...gates,
    'model-access': notEvaluated(
      e.bootstrap.agreementCreated
        ? 'the agreement this run created is still being set up, and the entitlement follows it'
        : 'the entitlement follows the provider agreement (see Provider terms)'
    )
  }
}

/** Second pass: every gate from what the calls showed, over its verdict from the evidence. */
export function decideAfterCall(
  e: Evidence,
  before: Gates,
  calls: CallsOutcome,
  asked: readonly CallKind[]
): Decision {
  const after = readTheCalls(calls, asked)
  const gates = capacityWhenAccessIsOpen(
    Object.fromEntries(GATES.map(name => [name, RULES[name].afterCall(e, before[name], after)])) as Gates
  )
  const iamStatement = iamStatementFor(e, gates['iam-permission'], asked)
  return { gates, ...(iamStatement ? { iamStatement } : {}) }
}

/** Capacity is a question only when access is open: behind a closed gate it is not evaluated, saying which. */
function capacityWhenAccessIsOpen(gates: Gates): Gates {
  const closed = GATES.find(
    name => name !== 'capacity' && gates[name].status === 'fail' && !isWorkingNow(gates[name].cause)
  )
  if (!closed || gates.capacity.cause === 'not-evaluated') return gates
  return {
    ...gates,
    capacity: {
      status: 'skip',
      cause: 'not-evaluated',
      detail: `Not evaluated: the ${GATE_TITLES[closed]} gate is closed`
    }
  }
}

/** What the calls showed, once for every gate: a refusal is proof the workload fails, and names its gate. */
function readTheCalls(calls: CallsOutcome, asked: readonly CallKind[]): AfterCall {
  if (calls.state !== 'made') return { calls, asked, passedGatesBeforeIam: false }
  const failures = calls.outcomes.flatMap(outcome => (outcome.state === 'failed' ? [outcome.failure] : []))
  // The first refusal the catalogue recognises names its gate; one it does not is the IAM gate's to report.
  const refusal = failures
    .filter(failure => failure.kind === 'service')
    .map(failure => ({ failure, diagnosis: diagnose(failure) }))
    .find((found): found is { failure: AwsFailure; diagnosis: Diagnosis } => found.diagnosis !== undefined)
  const answered = calls.outcomes.some(outcome => outcome.state === 'ok')
  return {
    calls,
    asked,
    ...(refusal ? { refusal } : {}),
    // One call got through: every gate before IAM is open, whatever another call's action was refused.
    passedGatesBeforeIam: answered && (!refusal || refusal.diagnosis.gate === 'iam-permission'),
    ...(answered ? {} : stoppedAfterAuthorization(refusal, failures))
  }
}

/** Nothing got through, but what stopped the calls came after authorization: a throttle, a quota, the model. */
function stoppedAfterAuthorization(
  refusal: AfterCall['refusal'],
  failures: AwsFailure[]
): Pick<AfterCall, 'authorizedThenStopped'> {
  if (refusal) return refusal.diagnosis.gate === 'capacity' ? { authorizedThenStopped: 'capacity' } : {}
  if (failures.some(failure => failure.kind === 'throttled')) return { authorizedThenStopped: 'capacity' }
  if (failures.some(failure => failure.fault === 'model')) return { authorizedThenStopped: 'model' }
  return {}
}

/** When no AWS call can succeed: the credentials verdict, every other gate not checked. */
export function closedAtCredentials(credentials: GateResult): Gates {
  const gates = {} as Gates
  for (const gate of GATES) {
    gates[gate] =
      gate === 'credentials'
        ? credentials
        : { status: 'skip', cause: 'credentials', detail: 'Not checked: no usable credentials' }
  }
  return gates
}

/** A gate that reads open: proven, or open with a caveat (a Legacy model), or open with nothing to accept. */
function readsOpen(gate: GateResult): boolean {
  return gate.status === 'pass' || (gate.status === 'warn' && kindOf(gate.cause) === 'caveat')
}

/**
 * The check's result. fail when any gate is closed; pass only on proof (the call got through, or a call not made
 * by design and every other gate read open); inconclusive otherwise. Green means proven.
 */
export function overallResult(gates: Gates): Verdict {
  if (Object.values(gates).some(gate => gate.status === 'fail')) return 'fail'
  // allowed-account-ids was asked for and could not be checked: the call got through, but not as proven.
  if (gates.credentials.cause === 'account-unverifiable') return 'inconclusive'
  // A call that got through, or one held back after it was authorized (throttled): access is proven.
  if (readsOpen(gates['iam-permission'])) return 'pass'
  const iam = gates['iam-permission']
  const notCalledByDesign =
    iam.status === 'skip' && iam.cause !== undefined && 'byDesign' in CAUSES[iam.cause]
  // Capacity bears on the result only when it is closed: quotas that cannot be read change nothing.
  const controlPlane = GATES.filter(name => name !== 'iam-permission' && name !== 'capacity').map(
    name => gates[name]
  )
  if (notCalledByDesign && controlPlane.every(readsOpen)) return 'pass'
  return 'inconclusive'
}
