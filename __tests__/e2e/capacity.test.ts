/**
 * The capacity gate end to end: the bundle reads the region's Bedrock quotas from Service Quotas (the emulator's,
 * awsJson1_1, paginated) beside the other reads, and decides from them and the call's answer. A zero, reduced or
 * too small quota and a day's tokens used up each give their verdict with the quota named and the command to raise
 * it; Service Quotas denied changes nothing but a named skip; a per-minute throttle still passes, with a warning.
 */
import { describe, expect, it } from '@jest/globals'
import { openAccount, type EmulatorState } from '../../emulator/state.js'
import { githubView } from '../support/github-view.js'
import { emulatorPerTest, gateOf, type ActionRun } from './harness.js'

const { probe, emulator } = emulatorPerTest()

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0'
const HAIKU_PROFILE = 'us.anthropic.claude-3-haiku-20240307-v1:0'
// The names Service Quotas lists today (__fixtures__/service-quotas/bedrock-quotas.ts holds real ones, cited).
const ON_DEMAND = 'On-demand model inference tokens per minute for Anthropic Claude 3 Haiku'
const CROSS_REGION = 'Cross-region model inference tokens per minute for Anthropic Claude 3 Haiku'
const PER_DAY =
  'Model invocation max tokens per day for Anthropic Claude 3 Haiku (doubled for cross-region calls)'

async function capacityOf(
  state: EmulatorState,
  inputs: Record<string, string> = {},
  model = HAIKU
): Promise<{ run: ActionRun; capacity: ReturnType<typeof gateOf> }> {
  const run = await probe(state, { models: model, regions: 'us-east-1', 'fail-on': 'never', ...inputs })
  return { run, capacity: gateOf(run, model, 'us-east-1', 'capacity') }
}

/** The command the summary gives to raise a quota, as GitHub shows it. */
function raiseCommand(run: ActionRun): string | undefined {
  return githubView(run.summary).codeBlocks.find(block =>
    block.text.includes('request-service-quota-increase')
  )?.text
}

describe('capacity closes', () => {
  it('a quota of 0: fail, naming the quota, its default and the command to raise it', async () => {
    const state = openAccount()
    state.quotas.applied[ON_DEMAND] = 0
    const { run, capacity } = await capacityOf(state)
    expect(run.outputs.result).toBe('fail')
    expect(capacity).toMatchObject({ status: 'fail', cause: 'quota-zero' })
    expect(capacity.detail).toBe(
      `${ON_DEMAND} is 0 in us-east-1 (AWS's default: 200000): no call can be served`
    )
    // The call was throttled after it was authorized: IAM is proven open.
    expect(gateOf(run, HAIKU, 'us-east-1', 'iam-permission').status).toBe('pass')
    expect(raiseCommand(run)).toMatch(
      /^aws service-quotas request-service-quota-increase --service-code bedrock --quota-code L-[0-9A-F]{8} --desired-value 200000 --region us-east-1$/
    )
    expect(run.report!.checks[0]!.quotas).toEqual([
      expect.objectContaining({
        name: ON_DEMAND,
        per: 'minute',
        applied: 0,
        default: 200000,
        adjustable: true
      }),
      expect.objectContaining({ name: PER_DAY, per: 'day', applied: 288000000 })
    ])
  })

  it("the day's tokens used up: fail, naming the per-day quota and its applied value", async () => {
    const state = openAccount()
    state.quotas.dailyExhausted = [HAIKU]
    state.quotas.applied[PER_DAY] = 1000
    const { run, capacity } = await capacityOf(state)
    expect(capacity).toMatchObject({ status: 'fail', cause: 'daily-tokens-exhausted' })
    expect(capacity.detail).toBe(
      `Converse was throttled after retries (Too many tokens per day, please wait before trying again.): no tokens left for today (${PER_DAY}: 1000 applied)`
    )
    expect(raiseCommand(run)).toContain('--desired-value 288000000 --region us-east-1')
    // The SDK retried the throttled call before the probe read it as throttled.
    expect(emulator().count('Converse')).toBe(3)
  })

  it("the day's tokens used up at AWS's default: the command asks for more than is applied", async () => {
    const state = openAccount()
    state.quotas.dailyExhausted = [HAIKU]
    const { run, capacity } = await capacityOf(state)
    expect(capacity).toMatchObject({ status: 'fail', cause: 'daily-tokens-exhausted' })
    expect(capacity.detail).toContain(`${PER_DAY}: 288000000 applied`)
    expect(raiseCommand(run)).toContain('--desired-value 576000000 --region us-east-1')
  })

  it('below min-tokens-per-minute: fail, naming both numbers and asking for what the workload needs', async () => {
    const state = openAccount()
    state.quotas.applied[CROSS_REGION] = 50000
    const { run, capacity } = await capacityOf(state, { 'min-tokens-per-minute': '100000' }, HAIKU_PROFILE)
    expect(capacity).toMatchObject({ status: 'fail', cause: 'quota-below-need' })
    expect(capacity.detail).toBe(
      `${CROSS_REGION} is 50000 in us-east-1; the workload needs 100000 (min-tokens-per-minute)`
    )
    expect(raiseCommand(run)).toContain('--desired-value 100000')
  })
})

describe('capacity warns, and the check passes', () => {
  it('a reduced quota: a warning with the way to raise it', async () => {
    const state = openAccount()
    state.quotas.applied[ON_DEMAND] = 20000
    const { run, capacity } = await capacityOf(state)
    expect(run.outputs.result).toBe('pass')
    expect(capacity).toMatchObject({ status: 'warn', cause: 'quota-reduced' })
    expect(capacity.fix).toContain('aws service-quotas request-service-quota-increase')
    // The command is code to copy in the summary, as a closed gate's is, asking for AWS's default back.
    expect(raiseCommand(run)).toMatch(
      /^aws service-quotas request-service-quota-increase --service-code bedrock --quota-code L-[0-9A-F]{8} --desired-value 200000 --region us-east-1$/
    )
    expect(run.stdout).toMatch(/::warning title=Bedrock Capacity warning \(1 check\)::/)
  })

  it('per-minute throttling after the retries: pass, with a capacity warning', async () => {
    const state = openAccount()
    state.faults = [{ operation: 'Converse', kind: 'throttle' }]
    const { run, capacity } = await capacityOf(state)
    expect(run.outputs.result).toBe('pass')
    expect(capacity).toMatchObject({ status: 'warn', cause: 'throttled' })
    expect(gateOf(run, HAIKU, 'us-east-1', 'iam-permission').status).toBe('pass')
  })
})

describe('capacity not known changes no result', () => {
  it('Service Quotas denied: a named skip, and the check passes', async () => {
    const state = openAccount()
    state.iam.deniedActions = ['servicequotas:ListServiceQuotas']
    const { run, capacity } = await capacityOf(state)
    expect(run.outputs.result).toBe('pass')
    expect(capacity).toMatchObject({ status: 'skip', cause: 'quota-read-denied' })
    expect(capacity.fix).toContain(
      'servicequotas:ListServiceQuotas and servicequotas:ListAWSDefaultServiceQuotas'
    )
  })

  it('a hung listing is bounded by request-timeout-seconds, and the other gates do not wait for it', async () => {
    const state = openAccount()
    state.faults = [{ operation: 'ListServiceQuotas', kind: 'hang' }]
    const started = Date.now()
    const { run, capacity } = await capacityOf(state, { 'request-timeout-seconds': '2' })
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(run.outputs.result).toBe('pass')
    expect(capacity).toMatchObject({ status: 'warn', cause: 'timed-out' })
    expect(gateOf(run, HAIKU, 'us-east-1', 'iam-permission').status).toBe('pass')
  })
})

describe('the quotas are read as AWS lists them', () => {
  it('every page (NextToken), once per region however many checks, beside the other reads', async () => {
    const state = openAccount()
    state.quotas.pageSize = 3
    state.quotas.applied[ON_DEMAND] = 20000
    // With every answer 400 ms away, a listing that waited for the reads would start after one was answered (wide
    // enough for a busy 2-core runner).
    state.latencyMs = 400
    const run = await probe(state, {
      models: `${HAIKU}, amazon.nova-lite-v1:0, meta.llama3-1-8b-instruct-v1:0`,
      regions: 'us-east-1',
      'fail-on': 'never'
    })
    expect(gateOf(run, HAIKU, 'us-east-1', 'capacity')).toMatchObject({
      status: 'warn',
      cause: 'quota-reduced'
    })
    expect(gateOf(run, 'amazon.nova-lite-v1:0', 'us-east-1', 'capacity').detail).toBe(
      'On-demand model inference tokens per minute for Amazon Nova Lite: 200000 in us-east-1'
    )
    const pages = emulator().calls.filter(call => call.operation === 'ListServiceQuotas')
    expect(pages.length).toBeGreaterThan(3)
    const bodies = pages.map(call => JSON.parse(call.body ?? '{}') as { NextToken?: string })
    // One listing for the three checks: one first page, then the rest by NextToken.
    expect(bodies.filter(body => body.NextToken === undefined)).toHaveLength(1)
    expect(bodies[0]!.NextToken).toBeUndefined()
    expect(
      emulator().calls.filter(call => call.operation === 'ListAWSDefaultServiceQuotas').length
    ).toBeGreaterThan(3)
    // The first page went out before the first model read was answered.
    const firstRead = emulator().calls.find(call => call.operation === 'GetFoundationModelAvailability')!
    expect(pages[0]!.at).toBeLessThan(firstRead.answeredAt!)
  })

  it('a page refused for its rate (Service Quotas: TooManyRequestsException) is asked again and the listing completes', async () => {
    const state = openAccount()
    state.quotas.pageSize = 3
    state.quotas.applied[ON_DEMAND] = 20000
    // Service Quotas' own throttling error (its model's TooManyRequestsException, HTTP 400), on a later page.
    state.faults = [
      {
        operation: 'ListServiceQuotas',
        kind: 'refuse',
        exception: 'TooManyRequestsException',
        status: 400,
        message: 'Rate exceeded',
        times: 1
      }
    ]
    const { capacity } = await capacityOf(state)
    expect(capacity).toMatchObject({ status: 'warn', cause: 'quota-reduced' })
    expect(emulator().count('ListServiceQuotas')).toBeGreaterThan(2)
  })

  it('a global profile counts against the global quotas, per minute and per day, spelled as AWS spells them', async () => {
    const state = openAccount()
    const sonnet = state.models.find(model => model.id === 'anthropic.claude-sonnet-4-6')!
    // AWS adds a first version's "V1" to some names; the match reads it as the same model.
    sonnet.quotaName = 'Anthropic Claude Sonnet 4.6 V1'
    const global = 'Global cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.6 V1'
    state.quotas.applied[global] = 0
    const { run, capacity } = await capacityOf(state, {}, 'global.anthropic.claude-sonnet-4-6')
    expect(capacity).toMatchObject({ status: 'fail', cause: 'quota-zero' })
    expect(capacity.detail).toContain(global)
    expect(run.report!.checks[0]!.quotas).toEqual([
      expect.objectContaining({ name: global, per: 'minute', applied: 0 }),
      expect.objectContaining({
        name: 'Global cross-region model inference tokens per day for Anthropic Claude Sonnet 4.6 V1',
        per: 'day'
      })
    ])
  })

  it('the older names (InvokeModel) still resolve; they have no global quota, which reads "unknown"', async () => {
    const state = openAccount()
    state.quotas.olderNames = true
    const run = await probe(state, {
      models: 'global.anthropic.claude-sonnet-4-6, us.anthropic.claude-3-haiku-20240307-v1:0',
      regions: 'us-east-1',
      'fail-on': 'never'
    })
    expect(gateOf(run, HAIKU_PROFILE, 'us-east-1', 'capacity').detail).toBe(
      'Cross-Region InvokeModel tokens per minute for Anthropic Claude 3 Haiku: 400000 in us-east-1'
    )
    const global = gateOf(run, 'global.anthropic.claude-sonnet-4-6', 'us-east-1', 'capacity')
    expect(global).toMatchObject({ status: 'skip', cause: 'quota-unknown' })
    expect(global.detail).toContain('no quota in Service Quotas names Anthropic Claude Sonnet 4.6')
  })

  it('a long-context quota is not the standard one, and requests per minute are never the tokens quota', async () => {
    const state = openAccount()
    const haiku = state.models.find(model => model.id === HAIKU)!
    haiku.longContextQuota = true
    state.quotas.applied[`${ON_DEMAND} 1M Context Length`] = 0
    state.quotas.applied['On-demand model inference requests per minute for Anthropic Claude 3 Haiku'] = 0
    const { capacity } = await capacityOf(state)
    expect(capacity).toMatchObject({ status: 'pass' })
    expect(capacity.detail).toBe(`${ON_DEMAND}: 200000 in us-east-1`)
  })
})
