/**
 * Model lifecycle end to end: an end of life within eol-warning-days warns with its dates, a Legacy model warns
 * however far out, one past end of life and the Legacy-inactivity refusal close model access, and every fix names
 * the ACTIVE model of the same provider and line that follows (ListFoundationModels), or none, never a guess.
 */
import { describe, expect, it } from '@jest/globals'
import { openAccount, type EmulatorState } from '../../emulator/state.js'
import { emulatorPerTest, gateOf } from './harness.js'

const { probe, emulator } = emulatorPerTest()

const OLD_SONNET = 'anthropic.claude-3-sonnet-20240229-v1:0'
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0'
const NOVA = 'amazon.nova-lite-v1:0'
const DAY_MS = 86_400_000

function modelOf(state: EmulatorState, id: string) {
  return state.models.find(model => model.id === id)!
}

describe('before a model leaves', () => {
  it('an ACTIVE model whose end of life is within eol-warning-days warns with its dates, and the check still passes', async () => {
    const state = openAccount()
    const endOfLife = new Date(Date.now() + 30.5 * DAY_MS)
    modelOf(state, NOVA).lifecycle = {
      status: 'ACTIVE',
      startOfLifeTime: new Date('2024-12-03T00:00:00Z'),
      endOfLifeTime: endOfLife
    }
    const run = await probe(state, { models: NOVA, regions: 'us-east-1' })
    expect(run.outputs.result).toBe('pass')
    const gate = gateOf(run, NOVA, 'us-east-1', 'model-access')
    expect(gate).toMatchObject({ status: 'warn', cause: 'model-eol-soon' })
    expect(gate.detail).toContain(
      `reaches end of life in 31 days (released 2024-12-03, end of life ${endOfLife.toISOString().slice(0, 10)})`
    )
    expect(run.report!.checks[0]!.lifecycle).toMatchObject({
      status: 'active',
      endOfLifeTime: endOfLife.toISOString()
    })
    expect(run.summary).toContain('end of life is near')
  })

  it('further out than eol-warning-days, an ACTIVE model says nothing', async () => {
    const state = openAccount()
    modelOf(state, NOVA).lifecycle = { status: 'ACTIVE', endOfLifeTime: new Date(Date.now() + 30.5 * DAY_MS) }
    const run = await probe(state, { models: NOVA, regions: 'us-east-1', 'eol-warning-days': '10' })
    expect(gateOf(run, NOVA, 'us-east-1', 'model-access').status).toBe('pass')
    expect(emulator().count('ListFoundationModels')).toBe(0)
  })

  it('a Legacy model warns however far out, and the fix names its ACTIVE successor and how to call it', async () => {
    const run = await probe(openAccount(), { models: OLD_SONNET, regions: 'us-east-1' })
    expect(run.outputs.result).toBe('pass')
    const gate = gateOf(run, OLD_SONNET, 'us-east-1', 'model-access')
    expect(gate).toMatchObject({ status: 'warn', cause: 'model-legacy' })
    expect(gate.detail).toContain('released 2024-02-29, legacy since 2025-03-01, end of life 2027-03-01')
    expect(gate.fix).toMatch(
      /^Move to anthropic\.claude-sonnet-4-6, the newest ACTIVE model of the same line in us-east-1 \(it is called through an inference profile/
    )
    expect(run.report!.checks[0]!.lifecycle?.successor).toBe('anthropic.claude-sonnet-4-6')
    // One listing of the provider's models, filtered by provider.
    const listings = emulator().calls.filter(call => call.operation === 'ListFoundationModels')
    expect(listings).toHaveLength(1)
  })

  it('an inference profile takes its base model’s lifecycle', async () => {
    const state = openAccount()
    modelOf(state, HAIKU).lifecycle = {
      status: 'LEGACY',
      legacyTime: new Date('2026-01-15T00:00:00Z'),
      endOfLifeTime: new Date('2027-01-15T00:00:00Z')
    }
    const run = await probe(state, { models: `us.${HAIKU}`, regions: 'us-east-1' })
    const gate = gateOf(run, `us.${HAIKU}`, 'us-east-1', 'model-access')
    expect(gate).toMatchObject({ status: 'warn', cause: 'model-legacy' })
    expect(gate.detail).toContain('legacy since 2026-01-15, end of life 2027-01-15')
  })
})

describe('after a model leaves', () => {
  it.each([
    [
      'the 30-day Legacy refusal (AccessDeniedException)',
      (state: EmulatorState) => {
        modelOf(state, OLD_SONNET).legacyDenied = true
      }
    ],
    [
      'the 15-day variant users quote as ResourceNotFoundException',
      (state: EmulatorState) => {
        state.faults.push({
          operation: 'Converse',
          kind: 'refuse',
          exception: 'ResourceNotFoundException',
          status: 404,
          message:
            'Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock'
        })
      }
    ]
  ])('%s closes model access, naming the successor', async (_what, refuse) => {
    const state = openAccount()
    refuse(state)
    const run = await probe(state, { models: OLD_SONNET, regions: 'us-east-1' })
    expect(run.outputs.result).toBe('fail')
    const gate = gateOf(run, OLD_SONNET, 'us-east-1', 'model-access')
    expect(gate).toMatchObject({ status: 'fail', cause: 'model-legacy-inactive' })
    expect(gate.fix).toContain('Move to anthropic.claude-sonnet-4-6')
    expect(gateOf(run, OLD_SONNET, 'us-east-1', 'iam-permission').status).not.toBe('fail')
    expect(run.outputs['iam-policy']).toBe('')
  })

  it('past its end of life the gate is closed without a call, and the successor is named', async () => {
    const state = openAccount()
    const model = modelOf(state, OLD_SONNET)
    model.endOfLife = true
    model.lifecycle = { ...model.lifecycle!, endOfLifeTime: new Date(Date.now() - 2 * DAY_MS) }
    const run = await probe(state, { models: OLD_SONNET, regions: 'us-east-1' })
    const gate = gateOf(run, OLD_SONNET, 'us-east-1', 'model-access')
    expect(gate).toMatchObject({ status: 'fail', cause: 'model-end-of-life' })
    expect(gate.fix).toContain('Move to anthropic.claude-sonnet-4-6')
  })

  it('a refusal for end of life the control plane did not foresee closes it too', async () => {
    const state = openAccount()
    modelOf(state, OLD_SONNET).endOfLife = true
    const run = await probe(state, { models: OLD_SONNET, regions: 'us-east-1' })
    const gate = gateOf(run, OLD_SONNET, 'us-east-1', 'model-access')
    expect(gate).toMatchObject({ status: 'fail', cause: 'model-end-of-life' })
    expect(gate.detail).toContain('reached the end of its life')
  })
})

describe('never a guess', () => {
  it('no model of the same line: the fix names none, only where to look', async () => {
    const run = await probe(openAccount(), { models: 'anthropic.claude-v2:1', regions: 'us-east-1' })
    const gate = gateOf(run, 'anthropic.claude-v2:1', 'us-east-1', 'model-access')
    expect(gate.cause).toBe('model-legacy')
    expect(gate.fix).toMatch(/^Move to an active model of the same provider/)
    expect(gate.fix).not.toContain('anthropic.claude-sonnet-4-6')
  })

  it('the listing not readable: no successor, the same verdict', async () => {
    const state = openAccount()
    state.iam.deniedActions = ['bedrock:ListFoundationModels']
    const run = await probe(state, { models: OLD_SONNET, regions: 'us-east-1' })
    const gate = gateOf(run, OLD_SONNET, 'us-east-1', 'model-access')
    expect(gate).toMatchObject({ status: 'warn', cause: 'model-legacy' })
    expect(gate.fix).toMatch(/^Move to an active model of the same provider/)
  })
})
