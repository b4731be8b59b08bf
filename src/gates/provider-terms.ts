/**
 * The provider-terms gate: is the provider's agreement (EULA, Marketplace offer) in place, and for Anthropic,
 * the use-case form on file? Models sold outside AWS Marketplace have no terms to accept. (The rule that the
 * probe never makes a call that would accept terms unasked is the call plan's, src/gates/plan.ts.)
 */
import type { Evidence } from '../evidence.js'
import type { GateResult } from '../types.js'
import { controlPlaneAfterCall, fromCatalogue, unreadGate, verdict, type GateRules } from './common.js'

export const providerTermsGate: GateRules = {
  name: 'provider-terms',
  fromEvidence: e => decideProviderTerms(e),
  afterCall: controlPlaneAfterCall('provider-terms', (e, { failure, diagnosis }) =>
    fromCatalogue(e, failure, diagnosis)
  )
}

export function decideProviderTerms(e: Evidence): GateResult {
  const created = e.bootstrap.agreementCreated ? ' (agreement created by this run)' : ''
  if (!e.marketplace) {
    return {
      status: 'pass',
      cause: 'not-needed',
      detail:
        'Not needed: the model is not sold through AWS Marketplace, so there is no agreement or use-case form'
    }
  }
  if (e.bootstrap.formMissing) {
    return verdict(
      'fail',
      'use-case-missing',
      "Anthropic's use-case form is not on file for this account, and no use-case-form input was given",
      e
    )
  }
  if (e.bootstrap.noOffer)
    return verdict(
      'fail',
      'no-offer',
      `No public agreement offer was found for ${e.baseModelId} in ${e.region}`,
      e
    )
  if (e.bootstrap.waitTimedOut !== undefined) {
    return verdict(
      'fail',
      'wait-timed-out',
      `Access did not become live within ${e.bootstrap.waitedSeconds ?? 0} s${created}; last seen: ${e.bootstrap.waitTimedOut}`,
      e
    )
  }
  const availability = e.availability
  if (availability.state !== 'ok') return unreadGate(availability, 'bedrock:GetFoundationModelAvailability')
  const { agreement, agreementError, agreementReported, authorized } = availability.value
  if (authorized === false) {
    return e.anthropic
      ? verdict(
          'fail',
          'use-case-missing',
          "Not authorized: Anthropic's use-case form is not on file (authorizationStatus NOT_AUTHORIZED)",
          e
        )
      : verdict(
          'fail',
          'not-authorized',
          'The provider has not authorized this account (authorizationStatus NOT_AUTHORIZED)',
          e
        )
  }
  switch (agreement) {
    case 'live':
      return { status: 'pass', detail: `Agreement in place${created}` }
    case 'pending':
      return verdict('warn', 'agreement-pending', `Agreement PENDING${created}`, e)
    case 'error':
      return verdict(
        'fail',
        'agreement-error',
        `Agreement in ERROR: ${agreementError ?? 'no errorMessage given'}`,
        e
      )
    case 'missing':
      // With create-agreement on and refused, the fix is not "run with create-agreement": it is the bootstrap
      // permission the Model access gate names, or an administrator's commands.
      return verdict(
        'fail',
        e.bootstrap.agreementFailure ? 'agreement-not-created' : 'agreement-missing',
        `No agreement for ${e.baseModelId} in this account (agreementAvailability NOT_AVAILABLE)`,
        e
      )
    case 'unknown':
      return {
        status: 'warn',
        cause: 'agreement-unknown',
        detail: `Agreement status ${agreementReported ?? 'missing'}`
      }
  }
}
