import { describe, expect, it } from '@jest/globals'
import { available, details, evidence, judge, fixIn } from '../../../__fixtures__/evidence.js'
import type { AwsFailure } from '../../../src/evidence.js'
import { decideModelAccess } from '../../../src/gates/model-access.js'

const legacy = (endOfLifeTime: string, legacyTime?: string) =>
  details({
    lifecycle: {
      status: 'legacy',
      ...(legacyTime ? { legacyTime: new Date(legacyTime) } : {}),
      endOfLifeTime: new Date(endOfLifeTime)
    }
  })

/** An ACTIVE model whose end of life is announced, `days` after the fixtures' now (2026-11-22). */
const ending = (days: number) =>
  details({
    lifecycle: {
      status: 'active',
      startOfLifeTime: new Date('2024-03-07T00:00:00Z'),
      endOfLifeTime: new Date(Date.UTC(2026, 10, 22) + days * 86_400_000)
    }
  })

describe('model-access gate', () => {
  it('passes an entitled model', () => {
    expect(decideModelAccess(evidence())).toMatchObject({ status: 'pass' })
  })

  it('fails when the account is not entitled, with the Marketplace fix for third-party models', () => {
    const gate = decideModelAccess(evidence({ availability: available({ entitled: false }) }))
    expect(gate).toMatchObject({ status: 'fail', cause: 'not-entitled' })
    expect(fixIn(gate)).toContain('aws-marketplace:Subscribe')
  })

  it('does not send first-party models to Marketplace', () => {
    const gate = decideModelAccess(
      evidence({ marketplace: false, anthropic: false, availability: available({ entitled: false }) })
    )
    expect(fixIn(gate)).toMatch(/need no subscription/)
  })

  it('warns about a Legacy model with its dates, and fails one past end of life', () => {
    const warned = decideModelAccess(
      evidence({ details: legacy('2027-07-21T00:00:00Z', '2025-01-21T00:00:00Z') })
    )
    expect(warned.status).toBe('warn')
    expect(warned.detail).toMatch(
      /Legacy \(legacy since 2025-01-21, end of life 2027-07-21, 241 days before end of life\)/
    )
    const ended = decideModelAccess(evidence({ details: legacy('2026-01-01T00:00:00Z') }))
    expect(ended).toMatchObject({ status: 'fail', cause: 'model-end-of-life' })
    expect(ended.detail).toContain('end of life 2026-01-01')
  })

  it('warns about an ACTIVE model whose end of life is within eol-warning-days, with the dates', () => {
    const soon = decideModelAccess(evidence({ details: ending(30) }))
    expect(soon).toMatchObject({ status: 'warn', cause: 'model-eol-soon' })
    expect(soon.detail).toBe(
      'anthropic.claude-3-haiku-20240307-v1:0 reaches end of life in 30 days (released 2024-03-07, end of life 2026-12-22)'
    )
    // Further out than the window: nothing to say of an ACTIVE model.
    expect(decideModelAccess(evidence({ details: ending(120) })).status).toBe('pass')
    // The window is the workflow's to set.
    expect(decideModelAccess(evidence({ details: ending(120), eolWarningDays: 180 })).cause).toBe(
      'model-eol-soon'
    )
    expect(decideModelAccess(evidence({ details: ending(30), eolWarningDays: 0 })).status).toBe('pass')
  })

  it('a Legacy model shows its dates however far its end of life is, and the days left', () => {
    const gate = decideModelAccess(
      evidence({ details: legacy('2028-01-01T00:00:00Z', '2025-01-21T00:00:00Z') })
    )
    expect(gate).toMatchObject({ status: 'warn', cause: 'model-legacy' })
    expect(gate.detail).toContain(
      'legacy since 2025-01-21, end of life 2028-01-01, 405 days before end of life'
    )
  })

  it('closes the gate on the day of end of life', () => {
    expect(decideModelAccess(evidence({ details: ending(0) }))).toMatchObject({
      status: 'fail',
      cause: 'model-end-of-life'
    })
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
    expect(fixIn(gate)).toContain('aws-marketplace:ViewSubscriptions')
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
