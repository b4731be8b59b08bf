import { describe, expect, it } from '@jest/globals'
import { available, details, evidence, judge } from '../../../__fixtures__/evidence.js'
import type { AwsFailure } from '../../../src/evidence.js'
import { decideModelAccess } from '../../../src/gates/model-access.js'

const legacy = (endOfLifeTime: string, legacyTime?: string) =>
  details({
    legacy: {
      ...(legacyTime ? { legacyTime: new Date(legacyTime) } : {}),
      endOfLifeTime: new Date(endOfLifeTime)
    }
  })

describe('model-access gate', () => {
  it('passes an entitled model', () => {
    expect(decideModelAccess(evidence())).toMatchObject({ status: 'pass' })
  })

  it('fails when the account is not entitled, with the Marketplace fix for third-party models', () => {
    const gate = decideModelAccess(evidence({ availability: available({ entitled: false }) }))
    expect(gate).toMatchObject({ status: 'fail', cause: 'not-entitled' })
    expect(gate.fix).toContain('aws-marketplace:Subscribe')
  })

  it('does not send first-party models to Marketplace', () => {
    const gate = decideModelAccess(
      evidence({ marketplace: false, anthropic: false, availability: available({ entitled: false }) })
    )
    expect(gate.fix).toMatch(/need no subscription/)
  })

  it('warns about a Legacy model with its dates, and fails one past end of life', () => {
    const warned = decideModelAccess(
      evidence({ details: legacy('2027-07-21T00:00:00Z', '2025-01-21T00:00:00Z') })
    )
    expect(warned.status).toBe('warn')
    expect(warned.detail).toMatch(/Legacy \(legacy since 2025-01-21, end of life 2027-07-21\)/)
    const ended = decideModelAccess(evidence({ details: legacy('2026-01-01T00:00:00Z') }))
    expect(ended).toMatchObject({ status: 'fail', cause: 'model-end-of-life' })
    expect(ended.detail).toContain('end of life 2026-01-01')
  })

  it('reads a refused agreement creation as a closed gate with the Marketplace policy', () => {
    const gate = decideModelAccess(
      evidence({
        bootstrap: {
          agreementFailure: {
            kind: 'service',
            name: 'AccessDeniedException',
            message:
              'User: u is not authorized to perform: aws-marketplace:Subscribe on resource: * because no identity-based policy allows the aws-marketplace:Subscribe action'
          }
        }
      })
    )
    expect(gate).toMatchObject({ status: 'fail', cause: 'marketplace-permissions' })
    expect(gate.fix).toContain('aws-marketplace:ViewSubscriptions')
  })

  it('a failed agreement creation that is a fault stays a warning', () => {
    const gate = decideModelAccess(
      evidence({
        bootstrap: { agreementFailure: { kind: 'fault', name: 'X', message: 'service error 500' } }
      })
    )
    expect(gate).toMatchObject({ status: 'warn', cause: 'fault' })
  })

  it('a refused call about a Legacy model names the published dates', () => {
    const failure: AwsFailure = {
      kind: 'service',
      name: 'AccessDeniedException',
      message:
        'Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 30 days. Please upgrade to an active model on Amazon Bedrock'
    }
    const { gates } = judge(evidence({ details: legacy('2027-07-21T00:00:00Z', '2025-01-21T00:00:00Z') }), {
      state: 'failed',
      call: 'converse',
      failure
    })
    expect(gates['model-access']).toMatchObject({ status: 'fail', cause: 'model-legacy-inactive' })
    expect(gates['model-access'].detail).toContain('(legacy since 2025-01-21, end of life 2027-07-21)')
  })
})
