/**
 * Where every gate is decided. A pure function of the evidence one check gathered (control-plane reads,
 * bootstrap steps, the minimal call): no AWS, no clock, no I/O, so each rule is tested without mocks.
 *
 * The rules, in short:
 * - The control plane (availability, profile, model details) gives each gate a first verdict.
 * - The minimal call decides: a successful call opens every gate (a control-plane "closed" becomes a warning
 *   that access may still be settling); a refused call closes the gate its error names (the catalogue).
 * - Faults (timeouts, 5xx, throttling, unreadable answers) never close a gate: they leave it "warn".
 * - A read the identity may not make (a runtime role without control-plane permissions) is not a failure:
 *   the gate is "skip" until the call proves it, and says which permission would make it definitive.
 */
import { describeFault, type AwsFailure } from './aws/failure.js'
import { diagnose, type Diagnosis } from './diagnosis/catalogue.js'
import { invokeStatement } from './diagnosis/iam-policy.js'
import { GATE_TITLES, type GateName, type GateResult, type Gates, type IamStatement } from './types.js'

/** The outcome of one control-plane read. */
export type Read<T> =
  | { state: 'ok'; value: T }
  /** AccessDenied on a read: the identity lacks the read permission; evidence is missing, not negative. */
  | { state: 'denied'; failure: AwsFailure; permission: string }
  | { state: 'not-found'; failure: AwsFailure }
  | { state: 'failed'; failure: AwsFailure }
  | { state: 'not-read'; reason: string }

export interface ProfileInfo {
  arn?: string
  baseModelId?: string
  destinationRegions: string[]
  modelArns: string[]
}

export interface AvailabilityInfo {
  regionAvailability?: string
  entitlementAvailability?: string
  agreementStatus?: string
  agreementError?: string
  authorizationStatus?: string
}

export interface ModelInfo {
  outputModalities: string[]
  inferenceTypes: string[]
  lifecycle?: { status?: string; legacyTime?: Date; endOfLifeTime?: Date; publicExtendedAccessTime?: Date }
}

export type CallOutcome =
  | { state: 'ok'; via: 'converse' | 'invoke-model' }
  | { state: 'not-run'; reason: string; cause: string }
  | { state: 'failed'; via: 'converse' | 'invoke-model'; failure: AwsFailure }

export interface BootstrapEvidence {
  agreementCreated?: boolean
  /** CreateFoundationModelAgreement or ListFoundationModelAgreementOffers refused or failed. */
  agreementFailure?: AwsFailure
  noOffer?: boolean
  /** The use-case form is needed (Anthropic, none on file) but none was given. */
  formMissing?: boolean
  formSubmitted?: boolean
  waitedSeconds?: number
  /** The wait ended before the agreement became AVAILABLE; holds what was last seen. */
  waitTimedOut?: string
}

export interface Evidence {
  model: string
  region: string
  isProfile: boolean
  profileId?: string
  baseModelId?: string
  marketplace: boolean
  anthropic: boolean
  account?: string
  now: Date
  credentials: GateResult
  profile: Read<ProfileInfo>
  availability: Read<AvailabilityInfo>
  foundationModel: Read<ModelInfo>
  bootstrap: BootstrapEvidence
  call: CallOutcome
  /** System-defined profiles in this region that contain the model (looked up only when useful). */
  profilesContainingModel?: string[]
}

export interface Decision {
  gates: Gates
  iamStatement?: IamStatement
}

const PERMISSION_HINT = (permission: string) =>
  `Grant ${permission} to make this gate definitive without a call (read-only, no model cost).`

export function decideGates(evidence: Evidence): Decision {
  const gates: Gates = {
    credentials: credentialsFromReads(evidence) ?? evidence.credentials,
    region: decideRegion(evidence),
    'model-access': decideModelAccess(evidence),
    'provider-terms': decideProviderTerms(evidence),
    'iam-permission': { status: 'skip', detail: 'not evaluated' }
  }
  applyCall(gates, evidence)
  const decision: Decision = { gates }
  if (gates['iam-permission'].status === 'fail' && gates['iam-permission'].cause !== 'iam-scp-deny') {
    decision.iamStatement = invokeStatement({
      region: evidence.region,
      account: evidence.account,
      baseModelId: evidence.baseModelId,
      profileId: evidence.profileId,
      profileArn: evidence.profile.state === 'ok' ? evidence.profile.value.arn : undefined,
      profileModelArns: evidence.profile.state === 'ok' ? evidence.profile.value.modelArns : undefined
    })
    gates['iam-permission'].fix += `\n${JSON.stringify(decision.iamStatement, null, 2)}`
  }
  return decision
}

/** Credentials that stop working mid-run (ExpiredToken on a read) close the credentials gate for this check. */
function credentialsFromReads(e: Evidence): GateResult | undefined {
  for (const read of [e.profile, e.availability, e.foundationModel]) {
    if (read.state !== 'failed') continue
    const diagnosis = diagnose(read.failure)
    if (diagnosis?.entry.gate === 'credentials') return fromDiagnosis(e, read.failure, diagnosis)
  }
  return undefined
}

// --- Region ------------------------------------------------------------------------------------------

function decideRegion(e: Evidence): GateResult {
  if (e.isProfile) {
    const profile = e.profile
    if (profile.state === 'not-found') {
      return {
        status: 'fail',
        cause: 'profile-not-found',
        detail: `Inference profile ${e.profileId} does not exist in ${e.region}`,
        fix: withProfiles(
          `Cross-region profiles exist only in their geography's source regions (us. in US regions, eu. in EU regions, …); ` +
            'pick a region of that geography or the profile for this one.',
          e
        )
      }
    }
    if (profile.state === 'failed') return faultGate('GetInferenceProfile', profile.failure)
  }
  const onDemand = onDemandVerdict(e)
  if (onDemand) return onDemand

  const availability = e.availability
  if (availability.state === 'ok') {
    const offered = availability.value.regionAvailability
    if (offered === 'AVAILABLE') return { status: 'pass', detail: `Offered in ${e.region}` }
    if (e.isProfile && e.profile.state === 'ok') {
      return {
        status: 'pass',
        detail: `Profile routes to ${e.profile.value.destinationRegions.join(', ') || 'its destination regions'}`
      }
    }
    return {
      status: 'fail',
      cause: 'region-not-offered',
      detail: `${e.baseModelId} is not offered in ${e.region} (regionAvailability ${offered ?? 'missing'})`,
      fix: withProfiles(
        'Use a region where the model is offered, or an inference profile that reaches it.',
        e
      )
    }
  }
  if (e.isProfile && e.profile.state === 'ok') {
    return { status: 'pass', detail: `Profile exists in ${e.region}` }
  }
  return unreadGate(availability, 'bedrock:GetFoundationModelAvailability')
}

/** A base model ID whose details say it is only served through inference profiles. */
function onDemandVerdict(e: Evidence): GateResult | undefined {
  if (e.isProfile || e.foundationModel.state !== 'ok') return undefined
  const types = e.foundationModel.value.inferenceTypes
  if (types.length === 0 || types.includes('ON_DEMAND')) return undefined
  return {
    status: 'fail',
    cause: 'on-demand-unsupported',
    detail: `${e.baseModelId} cannot be invoked on demand by its base ID (inference types: ${types.join(', ')})`,
    fix: withProfiles(
      'Call it through an inference profile that contains it, and allow that profile ARN in IAM.',
      e
    )
  }
}

function withProfiles(fix: string, e: Evidence): string {
  const profiles = e.profilesContainingModel ?? []
  return profiles.length > 0
    ? `${fix} Profiles in ${e.region} that contain this model: ${profiles.join(', ')}.`
    : fix
}

// --- Model access ------------------------------------------------------------------------------------

function decideModelAccess(e: Evidence): GateResult {
  const failure = e.bootstrap.agreementFailure
  if (failure) {
    const diagnosis = diagnose(failure)
    if (diagnosis && diagnosis.entry.gate === 'model-access') {
      return fromDiagnosis(e, failure, diagnosis)
    }
    if (failure.kind !== 'service') return faultGate('CreateFoundationModelAgreement', failure)
    return {
      status: 'fail',
      cause: 'agreement-create-failed',
      detail: `Creating the agreement failed: ${failure.name}: ${failure.message}`,
      fix: 'Check bedrock:CreateFoundationModelAgreement and the AWS Marketplace permissions of this identity.'
    }
  }
  const lifecycle = lifecycleVerdict(e)
  if (lifecycle?.status === 'fail') return lifecycle

  const availability = e.availability
  if (availability.state === 'ok') {
    const entitlement = availability.value.entitlementAvailability
    if (entitlement === 'NOT_AVAILABLE') {
      return {
        status: 'fail',
        cause: 'not-entitled',
        detail: `The account is not entitled to ${e.baseModelId} in ${e.region} (entitlementAvailability NOT_AVAILABLE)`,
        fix: e.marketplace
          ? 'Create the model agreement: run with create-agreement: true from a role with aws-marketplace:Subscribe and ' +
            'aws-marketplace:ViewSubscriptions (one-time per account).'
          : 'First-party and open-weight models need no subscription: an SCP or a model-restricting policy may be hiding it.'
      }
    }
    return lifecycle ?? { status: 'pass', detail: `Entitled (${entitlement ?? 'AVAILABLE'})` }
  }
  return lifecycle ?? unreadGate(availability, 'bedrock:GetFoundationModelAvailability')
}

function lifecycleVerdict(e: Evidence): GateResult | undefined {
  if (e.foundationModel.state !== 'ok') return undefined
  const lifecycle = e.foundationModel.value.lifecycle
  if (!lifecycle || lifecycle.status !== 'LEGACY') return undefined
  const dates = lifecycleDates(lifecycle)
  if (lifecycle.endOfLifeTime && lifecycle.endOfLifeTime.getTime() <= e.now.getTime()) {
    return {
      status: 'fail',
      cause: 'model-end-of-life',
      detail: `${e.baseModelId} has reached end of life (${dates})`,
      fix: 'Move to an active model (see the Bedrock model lifecycle page for the successor).'
    }
  }
  return {
    status: 'warn',
    cause: 'model-legacy',
    detail: `${e.baseModelId} is Legacy (${dates})`,
    fix: 'Plan the move to an active model before the end-of-life date; accounts that stop using a Legacy model lose access.'
  }
}

export function lifecycleDates(lifecycle: NonNullable<ModelInfo['lifecycle']>): string {
  const parts: string[] = []
  const day = (date: Date) => date.toISOString().slice(0, 10)
  if (lifecycle.legacyTime) parts.push(`legacy since ${day(lifecycle.legacyTime)}`)
  if (lifecycle.publicExtendedAccessTime)
    parts.push(`extended access from ${day(lifecycle.publicExtendedAccessTime)}`)
  if (lifecycle.endOfLifeTime) parts.push(`end of life ${day(lifecycle.endOfLifeTime)}`)
  return parts.join(', ') || 'no dates published'
}

// --- Provider terms ----------------------------------------------------------------------------------

function decideProviderTerms(e: Evidence): GateResult {
  const created = e.bootstrap.agreementCreated ? ' (agreement created by this run)' : ''
  if (!e.marketplace) {
    return {
      status: 'pass',
      detail: 'Not sold through AWS Marketplace: no agreement or use-case form needed'
    }
  }
  if (e.bootstrap.formMissing) {
    return {
      status: 'fail',
      cause: 'use-case-missing',
      detail:
        "Anthropic's use-case form is not on file for this account, and no use-case-form input was given",
      fix: 'Set use-case-form (inline JSON or a file) together with create-agreement: true.'
    }
  }
  if (e.bootstrap.noOffer) {
    return {
      status: 'fail',
      cause: 'no-offer',
      detail: `No public agreement offer was found for ${e.baseModelId} in ${e.region}`,
      fix: 'Check the model ID and region; private offers need to be accepted in the AWS Marketplace console.'
    }
  }
  if (e.bootstrap.waitTimedOut !== undefined) {
    return {
      status: 'fail',
      cause: 'wait-timed-out',
      detail: `Access did not become live within ${e.bootstrap.waitedSeconds ?? 0} s${created}; last seen: ${e.bootstrap.waitTimedOut}`,
      fix: 'AWS says access can take up to 15 minutes to settle: re-run later (nothing will be created twice), or raise wait-timeout-seconds.'
    }
  }
  const availability = e.availability
  if (availability.state !== 'ok') return unreadGate(availability, 'bedrock:GetFoundationModelAvailability')
  const { agreementStatus, agreementError, authorizationStatus } = availability.value
  if (authorizationStatus === 'NOT_AUTHORIZED') {
    return e.anthropic
      ? {
          status: 'fail',
          cause: 'use-case-missing',
          detail:
            "Not authorized: Anthropic's use-case form is not on file (authorizationStatus NOT_AUTHORIZED)",
          fix:
            'Run with create-agreement: true and use-case-form (once per account or at the organisation management account), ' +
            'then allow up to 15 minutes.'
        }
      : {
          status: 'fail',
          cause: 'not-authorized',
          detail: 'The provider has not authorized this account (authorizationStatus NOT_AUTHORIZED)',
          fix: 'Review the provider terms for this model in the Bedrock console.'
        }
  }
  switch (agreementStatus) {
    case 'AVAILABLE':
      return { status: 'pass', detail: `Agreement in place${created}` }
    case 'PENDING':
      return {
        status: 'warn',
        cause: 'agreement-pending',
        detail: `Agreement PENDING${created}`,
        fix: 'The subscription is being set up: access usually settles in about 2 minutes and can take up to 15. Calls may succeed now and fail later if a prerequisite is missing.'
      }
    case 'ERROR':
      return {
        status: 'fail',
        cause: 'agreement-error',
        detail: `Agreement in ERROR: ${agreementError ?? 'no errorMessage given'}`,
        fix: 'Check the AWS account has a valid payment method for AWS Marketplace, then delete and re-create the agreement.'
      }
    case 'NOT_AVAILABLE':
      return {
        status: 'fail',
        cause: 'agreement-missing',
        detail: `No agreement for ${e.baseModelId} in this account (agreementAvailability NOT_AVAILABLE)`,
        fix:
          "Run with create-agreement: true (this accepts the provider EULA on the account's behalf), or have a role with " +
          'aws-marketplace:Subscribe invoke the model once. The probe does not call the model here, because a first call ' +
          'would accept the EULA without being asked to.'
      }
    default:
      return {
        status: 'warn',
        cause: 'agreement-unknown',
        detail: `Agreement status ${agreementStatus ?? 'missing'}`
      }
  }
}

// --- The call decides ----------------------------------------------------------------------------------

const CONTROL_PLANE_GATES: GateName[] = ['region', 'model-access', 'provider-terms']

function applyCall(gates: Gates, e: Evidence): void {
  const call = e.call
  if (call.state === 'not-run') {
    gates['iam-permission'] = { status: 'skip', cause: call.cause, detail: `Not called: ${call.reason}` }
    return
  }
  if (call.state === 'ok') {
    const how = call.via === 'converse' ? 'Converse' : 'InvokeModel'
    gates['iam-permission'] = { status: 'pass', detail: `${how} succeeded` }
    for (const name of CONTROL_PLANE_GATES) {
      const gate = gates[name]
      // A read that was denied or lost to a fault left the gate open to question; the call answers it.
      if (gate.status === 'skip' || isFaultGate(gate)) {
        gates[name] = { status: 'pass', detail: `Proven by the call (${gate.detail})` }
      } else if (gate.status === 'fail') {
        gates[name] = {
          status: 'warn',
          cause: gate.cause,
          detail: `The call succeeded although ${gate.detail}`,
          fix: 'Access may still be settling: AWS lets first calls through while a subscription completes, and they fail with 403 later if a prerequisite is missing.'
        }
      }
    }
    return
  }
  const failure = call.failure
  if (failure.kind === 'throttled') {
    gates['iam-permission'] = {
      status: 'warn',
      cause: 'throttled',
      detail: `The call was throttled after retries (${failure.message}); throttling comes after authorization, so access is in place`,
      fix: 'Nothing to fix for access. Re-run later, or raise the quota.'
    }
    for (const name of CONTROL_PLANE_GATES) {
      if (gates[name].status === 'skip')
        gates[name] = { status: 'pass', detail: 'The request was authorized (it was throttled afterwards)' }
    }
    return
  }
  if (failure.kind !== 'service') {
    gates['iam-permission'] = faultGate(call.via === 'converse' ? 'Converse' : 'InvokeModel', failure)
    return
  }
  const diagnosis = diagnose(failure)
  if (!diagnosis) {
    gates['iam-permission'] = {
      status: 'warn',
      cause: 'unrecognised-error',
      detail: `The call failed with an answer the probe does not recognise: ${failure.name}: ${failure.message}`,
      fix: 'Please report this message; it may or may not be an access problem.'
    }
    return
  }
  const gate = diagnosis.entry.gate
  const before = gates[gate]
  const fromCall = fromDiagnosis(e, failure, diagnosis)
  // Both sources closed the gate: keep the control plane's account of it and add the call's words.
  gates[gate] =
    before.status === 'fail' && fromCall.status === 'fail'
      ? { ...before, detail: `${before.detail} (the call said: ${failure.message})` }
      : fromCall
  if (gate !== 'iam-permission') {
    gates['iam-permission'] = {
      status: 'skip',
      cause: 'refused-earlier',
      detail: `Not proven: the call was refused at the ${GATE_TITLES[gate]} gate`
    }
  }
}

/** A gate verdict from a catalogue row, enriched with what the evidence knows. */
function fromDiagnosis(e: Evidence, failure: AwsFailure, { entry, groups }: Diagnosis): GateResult {
  const id = entry.id
  let fix = entry.fix({
    model: e.model,
    region: e.region,
    baseModelId: e.baseModelId,
    account: e.account,
    groups
  })
  let detail = `${entry.cause}: ${failure.message}`
  if (id === 'iam-scp-deny') {
    const blocked = blockedDestination(groups[1] ?? '', e)
    if (blocked) detail += ` (the SCP blocks ${blocked}, a destination region of this inference profile)`
  }
  if (id === 'on-demand-unsupported' || id === 'invalid-model-id') fix = withProfiles(fix, e)
  if ((id === 'model-legacy' || id === 'model-end-of-life') && e.foundationModel.state === 'ok') {
    const lifecycle = e.foundationModel.value.lifecycle
    if (lifecycle) detail += ` (${lifecycleDates(lifecycle)})`
  }
  return { status: entry.status, cause: id, detail, fix }
}

/** The destination region an SCP denied, when the denied resource is a foundation model in another region. */
function blockedDestination(resource: string, e: Evidence): string | undefined {
  const match = /^arn:[\w-]+:bedrock:([a-z0-9-]+)::foundation-model\//.exec(resource)
  if (!match || !e.isProfile) return undefined
  return match[1] !== e.region ? match[1] : undefined
}

function isFaultGate(gate: GateResult): boolean {
  return gate.status === 'warn' && (gate.cause === 'fault' || gate.cause === 'timed-out')
}

/** A gate a fault left undecided: a warning, never a verdict. */
export function faultGate(operation: string, failure: AwsFailure): GateResult {
  return {
    status: 'warn',
    cause: failure.kind === 'timeout' ? 'timed-out' : 'fault',
    detail: `Could not be decided: ${operation} ${describeFault(failure)}`,
    fix: 'A fault, not a closed gate: re-run the probe. Raise request-timeout-seconds if AWS is slow from this runner.'
  }
}

function unreadGate<T>(read: Read<T>, permission: string): GateResult {
  switch (read.state) {
    case 'denied':
      return {
        status: 'skip',
        cause: 'read-denied',
        detail: `Not readable by this identity (${permission} denied); the call is the evidence`,
        fix: PERMISSION_HINT(permission)
      }
    case 'failed':
      return faultGate(permission.replace('bedrock:', ''), read.failure)
    case 'not-found':
      return { status: 'skip', cause: 'not-found', detail: `Not found: ${read.failure.message}` }
    case 'not-read':
      return { status: 'skip', cause: 'not-read', detail: read.reason }
    default:
      return { status: 'skip', detail: 'not evaluated' }
  }
}

/** A check fails when any gate is closed. */
export function checkResult(gates: Gates): 'pass' | 'fail' {
  return Object.values(gates).some(gate => gate.status === 'fail') ? 'fail' : 'pass'
}
