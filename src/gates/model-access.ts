/**
 * The model-access gate: does the account hold the model (the Marketplace entitlement), and may it still use
 * it (lifecycle)? A failed agreement creation during bootstrap lands here too.
 */
import type { AwsFailure } from '../aws/failure.js'
import { diagnose, type Diagnosis } from '../diagnosis/catalogue.js'
import type { Evidence, LegacyLifecycle } from '../evidence.js'
import type { GateResult } from '../types.js'
import { faultGate, fromCatalogue, unreadGate } from './common.js'

export function decideModelAccess(e: Evidence): GateResult {
  const failure = e.bootstrap.agreementFailure
  if (failure) return agreementCreationFailed(e, failure)
  const lifecycle = lifecycleVerdict(e)
  if (lifecycle?.status === 'fail') return lifecycle

  const availability = e.availability
  if (availability.state !== 'ok')
    return lifecycle ?? unreadGate(availability, 'bedrock:GetFoundationModelAvailability')
  if (availability.value.entitled === false) {
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
  if (diagnosis?.entry.gate === 'model-access') return fromCatalogue(e, failure, diagnosis)
  if (failure.kind !== 'service') return faultGate('CreateFoundationModelAgreement', failure)
  return {
    status: 'fail',
    cause: 'agreement-create-failed',
    detail: `Creating the agreement failed: ${failure.name}: ${failure.message}`,
    fix: 'Check bedrock:CreateFoundationModelAgreement and the AWS Marketplace permissions of this identity.'
  }
}

/** A Legacy model: a warning until its end-of-life date, closed after it. */
function lifecycleVerdict(e: Evidence): GateResult | undefined {
  const legacy = e.details.state === 'ok' ? e.details.value.legacy : undefined
  if (!legacy) return undefined
  const dates = lifecycleDates(legacy)
  if (legacy.endOfLifeTime && legacy.endOfLifeTime.getTime() <= e.now.getTime()) {
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
export function modelAccessFromRefusal(e: Evidence, failure: AwsFailure, diagnosis: Diagnosis): GateResult {
  const gate = fromCatalogue(e, failure, diagnosis)
  const legacy = e.details.state === 'ok' ? e.details.value.legacy : undefined
  const lifecycleRow = gate.cause === 'model-legacy' || gate.cause === 'model-end-of-life'
  return lifecycleRow && legacy ? { ...gate, detail: `${gate.detail} (${lifecycleDates(legacy)})` } : gate
}
