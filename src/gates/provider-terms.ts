/**
 * The provider-terms gate: is the provider's agreement (EULA, Marketplace offer) in place, and for Anthropic,
 * the use-case form on file? Models sold outside AWS Marketplace have no terms to accept.
 * This file also owns the EULA rule: the probe never makes the call that would accept terms unasked.
 */
import type { Evidence } from '../evidence.js'
import type { GateResult } from '../types.js'
import { unreadGate } from './common.js'

/**
 * A first call to a Marketplace model with no agreement subscribes the account and accepts the provider's
 * EULA (model-access user guide): the call plan must not make it unless create-agreement asked for that.
 * `would-accept`: the agreement is missing. `unknown`: its state could not be read, so a call might.
 */
export function termsRiskOfCalling(e: Evidence): 'none' | 'would-accept' | 'unknown' {
  if (!e.marketplace) return 'none'
  if (e.availability.state !== 'ok') return 'unknown'
  return e.availability.value.agreement === 'missing' ? 'would-accept' : 'none'
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
  const { agreement, agreementError, agreementReported, authorized } = availability.value
  if (authorized === false) {
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
  switch (agreement) {
    case 'live':
      return { status: 'pass', detail: `Agreement in place${created}` }
    case 'pending':
      return {
        status: 'warn',
        cause: 'agreement-pending',
        detail: `Agreement PENDING${created}`,
        fix: 'The subscription is being set up: access usually settles in about 2 minutes and can take up to 15. Calls may succeed now and fail later if a prerequisite is missing.'
      }
    case 'error':
      return {
        status: 'fail',
        cause: 'agreement-error',
        detail: `Agreement in ERROR: ${agreementError ?? 'no errorMessage given'}`,
        fix: 'Check the AWS account has a valid payment method for AWS Marketplace, then delete and re-create the agreement.'
      }
    case 'missing':
      return {
        status: 'fail',
        cause: 'agreement-missing',
        detail: `No agreement for ${e.baseModelId} in this account (agreementAvailability NOT_AVAILABLE)`,
        fix:
          "Run with create-agreement: true (this accepts the provider EULA on the account's behalf), or have a role with " +
          'aws-marketplace:Subscribe invoke the model once. The probe does not call the model here, because a first call ' +
          'would accept the EULA without being asked to.'
      }
    case 'unknown':
      return {
        status: 'warn',
        cause: 'agreement-unknown',
        detail: `Agreement status ${agreementReported ?? 'missing'}`
      }
  }
}
