import { describe, expect, it } from '@jest/globals'
import { available, evidence, fixIn } from '../../../__fixtures__/evidence.js'
import type { Availability } from '../../../src/evidence.js'
import { termsRiskOfCalling } from '../../../src/gates/plan.js'
import { decideProviderTerms } from '../../../src/gates/provider-terms.js'

const agreement = (state: Availability['agreement'], extra: Partial<Availability> = {}) =>
  available({ agreement: state, authorized: undefined, ...extra })

describe('provider-terms gate', () => {
  it('passes models not sold through Marketplace without an agreement', () => {
    const e = evidence({ marketplace: false, anthropic: false, availability: agreement('missing') })
    expect(decideProviderTerms(e).status).toBe('pass')
    expect(termsRiskOfCalling(e)).toBe('none')
  })

  it('fails with no agreement, explaining why the probe did not call', () => {
    const e = evidence({ availability: agreement('missing') })
    const gate = decideProviderTerms(e)
    expect(gate).toMatchObject({ status: 'fail', cause: 'agreement-missing' })
    expect(fixIn(gate)).toMatch(/create-agreement: true/)
    expect(fixIn(gate)).toMatch(/EULA/)
    expect(termsRiskOfCalling(e)).toBe('would-accept')
  })

  it('warns on PENDING with the propagation note', () => {
    const gate = decideProviderTerms(evidence({ availability: agreement('pending') }))
    expect(gate).toMatchObject({ status: 'warn', cause: 'agreement-pending' })
    expect(fixIn(gate)).toMatch(/up to 15/)
  })

  it('fails on ERROR and shows the errorMessage', () => {
    const gate = decideProviderTerms(
      evidence({ availability: agreement('error', { agreementError: 'Payment instrument declined' }) })
    )
    expect(gate).toMatchObject({ status: 'fail', cause: 'agreement-error' })
    expect(gate.detail).toContain('Payment instrument declined')
  })

  it('warns on a state AWS has not documented, naming it', () => {
    const gate = decideProviderTerms(
      evidence({ availability: agreement('unknown', { agreementReported: 'SUSPENDED' }) })
    )
    expect(gate).toMatchObject({
      status: 'warn',
      cause: 'agreement-unknown',
      detail: 'Agreement status SUSPENDED'
    })
  })

  it('fails an Anthropic model without the use-case form, and another provider as not authorized', () => {
    expect(
      decideProviderTerms(evidence({ availability: agreement('live', { authorized: false }) }))
    ).toMatchObject({
      status: 'fail',
      cause: 'use-case-missing'
    })
    expect(
      decideProviderTerms(
        evidence({
          anthropic: false,
          baseModelId: 'cohere.command-r-v1:0',
          availability: agreement('live', { authorized: false })
        })
      )
    ).toMatchObject({ status: 'fail', cause: 'not-authorized' })
  })

  it('fails when the bootstrap wait timed out, with what was last seen', () => {
    const gate = decideProviderTerms(
      evidence({
        availability: agreement('pending'),
        bootstrap: { agreementCreated: true, waitedSeconds: 900, waitTimedOut: 'agreement pending' }
      })
    )
    expect(gate).toMatchObject({ status: 'fail', cause: 'wait-timed-out' })
    expect(gate.detail).toMatch(
      /within 900 s \(agreement created by this run\); last seen: agreement pending/
    )
  })

  it('fails when a bootstrap found no form to submit or no offer to accept', () => {
    expect(decideProviderTerms(evidence({ bootstrap: { formMissing: true } }))).toMatchObject({
      status: 'fail',
      cause: 'use-case-missing'
    })
    expect(decideProviderTerms(evidence({ bootstrap: { noOffer: true } }))).toMatchObject({
      status: 'fail',
      cause: 'no-offer'
    })
  })

  it('an unreadable agreement state is a warning, not a verdict', () => {
    const e = evidence({
      availability: {
        state: 'failed',
        failure: { kind: 'fault', fault: 'server', name: 'X', message: 'service error 500' }
      }
    })
    expect(decideProviderTerms(e)).toMatchObject({ status: 'warn', cause: 'service-error' })
    expect(termsRiskOfCalling(e)).toBe('unknown')
  })
})
