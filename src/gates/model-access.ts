/**
 * The model-access gate: does the account hold the model (the Marketplace entitlement), and may it still use
 * it (lifecycle)? A failed agreement creation during bootstrap lands here too, and so does a refused call that
 * says the account has no access (Marketplace permissions, an account-level block, a lapsed Legacy model).
 */
import { diagnose } from '../diagnosis/catalogue.js'
import type { AwsFailure, Evidence, LegacyLifecycle } from '../evidence.js'
import type { GateResult } from '../types.js'
import {
  controlPlaneAfterCall,
  faultGate,
  fromCatalogue,
  unreadGate,
  verdict,
  type GateRules,
  type Refusal
} from './common.js'

export const modelAccessGate: GateRules = {
  name: 'model-access',
  fromEvidence: e => decideModelAccess(e),
  afterCall: controlPlaneAfterCall('model-access', modelAccessFromRefusal)
}

export function decideModelAccess(e: Evidence): GateResult {
  const failure = e.bootstrap.agreementFailure
  if (failure) return agreementCreationFailed(e, failure)
  const lifecycle = lifecycleVerdict(e)
  if (lifecycle?.status === 'fail') return lifecycle

  const availability = e.availability
  if (availability.state !== 'ok')
    return lifecycle ?? unreadGate(availability, 'bedrock:GetFoundationModelAvailability')
  if (availability.value.entitled === false) {
    return verdict(
      'fail',
      'not-entitled',
      `The account is not entitled to ${e.baseModelId} in ${e.region} (entitlementAvailability NOT_AVAILABLE)`,
      { ...e, marketplace: e.marketplace }
    )
  }
  if (lifecycle) return lifecycle
  return availability.value.entitled
    ? { status: 'pass', detail: 'Entitled (AVAILABLE)' }
    : {
        status: 'skip',
        cause: 'not-read',
        detail:
          'GetFoundationModelAvailability did not report entitlementAvailability; the call is the evidence'
      }
}

function agreementCreationFailed(e: Evidence, failure: AwsFailure): GateResult {
  const diagnosis = diagnose(failure)
  if (diagnosis?.gate === 'model-access') return fromCatalogue(e, failure, diagnosis)
  if (failure.kind !== 'service') return faultGate('CreateFoundationModelAgreement', failure)
  return verdict(
    'fail',
    'agreement-create-failed',
    `Creating the agreement failed: ${failure.name}: ${failure.message}`,
    e
  )
}

/** A Legacy model: a warning until its end-of-life date, closed after it. */
function lifecycleVerdict(e: Evidence): GateResult | undefined {
  const legacy = e.details.state === 'ok' ? e.details.value.legacy : undefined
  if (!legacy) return undefined
  const dates = lifecycleDates(legacy)
  if (legacy.endOfLifeTime && legacy.endOfLifeTime.getTime() <= e.now.getTime())
    return verdict('fail', 'model-end-of-life', `${e.baseModelId} has reached end of life (${dates})`, e)
  return verdict('warn', 'model-legacy', `${e.baseModelId} is Legacy (${dates})`, e)
}

function lifecycleDates(legacy: LegacyLifecycle): string {
  const parts: string[] = []
  const day = (date: Date) => date.toISOString().slice(0, 10)
  if (legacy.legacyTime) parts.push(`legacy since ${day(legacy.legacyTime)}`)
  if (legacy.publicExtendedAccessTime)
    parts.push(`extended access from ${day(legacy.publicExtendedAccessTime)}`)
  if (legacy.endOfLifeTime) parts.push(`end of life ${day(legacy.endOfLifeTime)}`)
  return parts.join(', ') || 'no dates published'
}

/** A refused call on this gate; a lifecycle refusal names the published dates. */
function modelAccessFromRefusal(e: Evidence, { failure, diagnosis }: Refusal): GateResult {
  const gate = fromCatalogue(e, failure, diagnosis)
  const legacy = e.details.state === 'ok' ? e.details.value.legacy : undefined
  const lifecycleRow = gate.cause === 'model-legacy-inactive' || gate.cause === 'model-end-of-life'
  return lifecycleRow && legacy ? { ...gate, detail: `${gate.detail} (${lifecycleDates(legacy)})` } : gate
}
