/**
 * The IAM-permission gate: may this identity invoke the model (and the profile) here? Only a call proves it:
 * its success, its throttling (which comes after authorization), or a refusal the catalogue puts on this gate.
 * Each call proves its own action, so a role that may call Converse but not stream is told exactly that. When the
 * gate is closed by a missing Allow, the least-privilege statement that opens it comes with it.
 */
import { actionsOf, CALL_ACTION, CALL_OPERATION } from '../bedrock/calls.js'
import type { CallKind, GateResult, IamStatement } from '../types.js'
import { invokeStatement } from '../bedrock/iam-policy.js'
import { partitionOf } from '../bedrock/model-id.js'
import { diagnose } from '../diagnosis/catalogue.js'
import { statementFor } from '../causes/index.js'
import type { AwsFailure, CallOutcome, CallsOutcome, Evidence } from '../evidence.js'
import { faultGate, fromCatalogue, refusedAt, verdict, type AfterCall, type GateRules } from './common.js'

export const iamPermissionGate: GateRules = {
  name: 'iam-permission',
  // Only a call proves this gate; a read can close it only by refusing the API key's own action.
  fromEvidence: e =>
    keyRefusedByTheReads(e) ?? {
      status: 'skip',
      cause: 'not-evaluated',
      detail: 'Not evaluated: only a call proves it'
    },
  afterCall: (e, before, after) =>
    // Closed from the reads: the call was not made (it would be refused the same way).
    before.status === 'fail' && after.calls.state !== 'made'
      ? before
      : withProfileListing(iamAfterCall(e, after), e)
}

/**
 * Every request made with a Bedrock API key needs bedrock:CallWithBearerToken, reads included: a read refused that
 * action (or an SCP refusing it) closes the gate for the call too, which would be refused the same way.
 */
const EVERY_REQUEST_OF_THE_KEY = new Set(['bearer-not-permitted', 'bearer-denied-scp'])

function keyRefusedByTheReads(e: Evidence): GateResult | undefined {
  for (const read of [e.profile, e.availability, e.details]) {
    if (read.state !== 'denied' && read.state !== 'failed') continue
    const diagnosis = diagnose(read.failure)
    if (diagnosis && EVERY_REQUEST_OF_THE_KEY.has(diagnosis.entry.id))
      return fromCatalogue(e, read.failure, diagnosis)
  }
  return undefined
}

function iamAfterCall(e: Evidence, after: AfterCall): GateResult {
  const { refusal, calls } = after
  if (refusal?.diagnosis.gate === 'capacity')
    return { status: 'pass', detail: 'The request was authorized, then refused for a quota (see Capacity)' }
  if (refusal && refusal.diagnosis.gate !== 'iam-permission')
    return { status: 'skip', cause: 'refused-earlier', detail: refusedAt(refusal.diagnosis.gate) }
  if (refusal && calls.state === 'made') {
    const refused = fromCatalogue(e, refusal.failure, refusal.diagnosis)
    return withCallsNamed(withBlockedDestination(refused, e, refusal.diagnosis.groups), calls.outcomes)
  }
  return iamFromCalls(calls)
}

/**
 * The gate from the calls, unless the catalogue recognised a refusal (then its row, on this gate or another).
 * Pass only when every asked call's action was proven by a call that got through.
 */
export function iamFromCalls(calls: CallsOutcome): GateResult {
  if (calls.state === 'not-run')
    return {
      status: 'skip',
      cause: calls.cause,
      detail: `${calls.cause === 'not-evaluated' ? 'Not evaluated' : 'Not called'}: ${calls.reason}`
    }
  const { outcomes } = calls
  const ok = outcomes.filter(outcome => outcome.state === 'ok')
  const failed = outcomes.flatMap(outcome => (outcome.state === 'failed' ? [outcome] : []))
  const proven = ok.length > 0 ? ` (${succeededPart(ok)})` : ''

  const refused = failed.find(outcome => outcome.failure.kind === 'service')
  if (refused) return unrecognisedRefusal(refused.call, refused.failure)
  const fault = failed.find(outcome => outcome.failure.kind !== 'throttled')
  if (fault) {
    const gate = faultGate(CALL_OPERATION[fault.call], fault.failure)
    return { ...gate, detail: gate.detail + proven }
  }
  const throttled = failed.find(outcome => outcome.failure.kind === 'throttled')
  if (throttled && ok.length === 0) {
    // Bedrock throttles a request after it authorized it: the action is proven; what the quota allows is the
    // capacity gate's to say.
    return {
      status: 'pass',
      detail: `${CALL_OPERATION[throttled.call]} was authorized, then throttled after retries (see Capacity)`
    }
  }
  // A call not made leaves its action unproven, unless another call that got through needs the same action.
  const provenActions = new Set(ok.map(outcome => CALL_ACTION[outcome.call]))
  const unproven = outcomes.find(
    (outcome): outcome is Extract<CallOutcome, { state: 'not-run' }> =>
      outcome.state === 'not-run' &&
      outcome.cause !== 'call-not-applicable' &&
      !provenActions.has(CALL_ACTION[outcome.call])
  )
  if (unproven) {
    return {
      status: 'skip',
      cause: unproven.cause,
      detail: `${CALL_ACTION[unproven.call]} not proven: ${unproven.reason}${proven}`
    }
  }
  const notApplicable = outcomes.filter(outcome => outcome.state === 'not-run')
  return {
    status: 'pass',
    detail:
      succeededPart(ok) +
      (notApplicable.length > 0
        ? `; ${notApplicable.map(outcome => CALL_OPERATION[outcome.call]).join(', ')} not made (${(notApplicable[0] as { reason: string }).reason})`
        : '')
  }
}

/** "Converse and ConverseStream succeeded (bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream)". */
function succeededPart(ok: CallOutcome[]): string {
  const operations = ok.map(outcome => CALL_OPERATION[outcome.call])
  const list =
    operations.length > 1 ? `${operations.slice(0, -1).join(', ')} and ${operations.at(-1)}` : operations[0]
  return `${list} succeeded (${actionsOf(ok.map(outcome => outcome.call)).join(', ')})`
}

/**
 * A closed IAM gate, with which calls were refused for which action and which got through: a role that may
 * call Converse but not stream is told exactly that.
 */
function withCallsNamed(gate: GateResult, outcomes: CallOutcome[]): GateResult {
  if (gate.status !== 'fail' || outcomes.length < 2) return gate
  const refused = outcomes.filter(outcome => outcome.state === 'failed' && outcome.failure.kind === 'service')
  const ok = outcomes.filter(outcome => outcome.state === 'ok')
  const missing = actionsOf(refused.map(outcome => outcome.call))
  const refusedPart = `refused: ${refused.map(outcome => CALL_OPERATION[outcome.call]).join(', ')} (${missing.join(', ')})`
  const detail = `${gate.detail} — ${refusedPart}${ok.length > 0 ? `; ${succeededPart(ok)}` : ''}`
  // Only a cause an Allow fixes says which actions to allow.
  if (statementFor(gate.cause) !== 'invoke') return { ...gate, detail }
  return { ...gate, detail, facts: { ...gate.facts, missingActions: missing } }
}

function unrecognisedRefusal(call: CallKind, failure: AwsFailure): GateResult {
  // A refusal is proof that the workload would fail, even when the probe cannot say which gate refused.
  return verdict(
    'fail',
    'unrecognised-refusal',
    `${CALL_OPERATION[call]} was refused with an answer the probe does not recognise: ${failure.name}: ${failure.message}`,
    { model: '', region: '' }
  )
}

/**
 * An SCP denial names the route it blocks, when that is not the probed region: a destination region of a
 * geographic profile, or a global profile's regionless route. Bedrock authorizes a global profile's call on the
 * foundation model with no region (arn:aws:bedrock:::foundation-model/…), and SCPs see aws:RequestedRegion
 * "unspecified" for it, so a region-restricting SCP that lists only real regions denies every global call (Bedrock
 * user guide, "Global cross-Region inference": IAM policy requirements and the SCP that disables it).
 */
function withBlockedDestination(gate: GateResult, e: Evidence, groups: string[]): GateResult {
  if (gate.cause !== 'iam-scp-deny' || !e.isProfile) return gate
  const match = /^arn:[\w-]+:bedrock:([a-z0-9-]*)::foundation-model\//.exec(groups[1] ?? '')
  if (match?.[1] === '')
    return {
      ...gate,
      detail: `${gate.detail} (the SCP blocks the global route of this inference profile: the foundation model with no region, which SCPs see as aws:RequestedRegion "unspecified")`
    }
  const blocked = match && match[1] !== e.region ? match[1] : undefined
  return blocked
    ? {
        ...gate,
        detail: `${gate.detail} (the SCP blocks ${blocked}, a destination region of this inference profile)`
      }
    : gate
}

/**
 * The workload also lists inference profiles (claude-code): a denied listing closes the gate even when every call
 * got through, and a listing lost to a fault leaves it unproven. A listing refused for the credentials (a refused
 * API key answers every request alike) is the credentials gate's to tell: one root cause closes one gate.
 */
function withProfileListing(gate: GateResult, e: Evidence): GateResult {
  const listing = e.profileListing
  if (!listing || gate.status === 'fail') return gate
  if (
    (listing.state === 'denied' || listing.state === 'failed') &&
    diagnose(listing.failure)?.gate === 'credentials'
  )
    return gate
  if (listing.state === 'denied') {
    return verdict(
      'fail',
      'iam-list-denied',
      `bedrock:ListInferenceProfiles is not allowed: ${listing.failure.message}`,
      e
    )
  }
  if (listing.state === 'failed' && gate.status === 'pass') {
    const fault = faultGate('ListInferenceProfiles', listing.failure)
    return { ...fault, detail: `${gate.detail}; ${fault.detail}` }
  }
  return listing.state === 'ok' && gate.status === 'pass'
    ? { ...gate, detail: `${gate.detail}; ListInferenceProfiles allowed` }
    : gate
}

/**
 * The statement that opens a closed gate, as its cause names it (src/causes/); none when no Allow can: an SCP,
 * an explicit Deny, a refusal the probe cannot name.
 */
export function iamStatementFor(
  e: Evidence,
  gate: GateResult,
  asked: readonly CallKind[]
): IamStatement | undefined {
  if (gate.status !== 'fail') return undefined
  switch (statementFor(gate.cause)) {
    case 'list-profiles':
      return listStatement(e)
    case 'bearer-token':
      return BEARER_TOKEN_STATEMENT
    case 'invoke': {
      const profile = e.profile.state === 'ok' ? e.profile.value : undefined
      return invokeStatement({
        region: e.region,
        account: e.account,
        baseModelId: e.baseModelId,
        profileId: e.profileId,
        profileArn: profile?.arn,
        profileModelArns: profile?.modelArns,
        actions: actionsOf(asked)
      })
    }
    default:
      return undefined
  }
}

/**
 * Using a Bedrock API key is the action bedrock:CallWithBearerToken, which has no resource type of its own (AWS's
 * SCP example denies it on "*"; Bedrock user guide, "Control permissions for generating and using Amazon Bedrock API
 * keys"). The bedrock:bearerTokenType condition key can narrow it to SHORT_TERM or LONG_TERM keys.
 */
const BEARER_TOKEN_STATEMENT: IamStatement = {
  Sid: 'CallWithBearerToken',
  Effect: 'Allow',
  Action: ['bedrock:CallWithBearerToken'],
  Resource: ['*']
}

function listStatement(e: Evidence): IamStatement {
  return {
    Sid: `ListInferenceProfiles${e.region.replace(/[^A-Za-z0-9]/g, '')}`,
    Effect: 'Allow',
    Action: ['bedrock:ListInferenceProfiles'],
    Resource: [
      `arn:${partitionOf(e.region)}:bedrock:${e.region}:${e.account ?? 'ACCOUNT_ID'}:inference-profile/*`
    ]
  }
}
