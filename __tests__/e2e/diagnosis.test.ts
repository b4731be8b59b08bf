/**
 * Diagnosis end to end, one test per numbered case of the diagnosis issue: for each way access fails, the
 * summary and the report name the cause and the exact fix, from evidence.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { openAccount, type EmulatorState } from '../../emulator/state.js'
import { gateOf, runAction } from './harness.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

async function probe(state: EmulatorState, inputs: Record<string, string>) {
  emulator = await startEmulator(state)
  // A role-to-assume run carries the OIDC request variables, as `permissions: id-token: write` does.
  return runAction(emulator, { regions: 'us-east-1', ...inputs }, { oidc: 'role-to-assume' in inputs })
}

/** The runtime role of these cases, assumed with GitHub OIDC (its session policy denies subscribing). */
const RUNTIME_ROLE = { 'role-to-assume': 'arn:aws:iam::111122223333:role/bedrock-ci' }

describe('1. least-privilege IAM fix', () => {
  it('per check a statement for exactly what it needs, and one combined policy (summary + iam-policy output)', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = []
    const run = await probe(state, { models: 'us.anthropic.claude-sonnet-4-6, amazon.nova-lite-v1:0' })
    const profileCheck = run.report!.checks.find(check => check.model === 'us.anthropic.claude-sonnet-4-6')!
    expect(profileCheck.iamStatement?.Resource).toEqual([
      'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-6',
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6',
      'arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-6',
      'arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-6'
    ])
    const baseCheck = run.report!.checks.find(check => check.model === 'amazon.nova-lite-v1:0')!
    expect(baseCheck.iamStatement?.Resource).toEqual([
      'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0'
    ])
    const policy = JSON.parse(run.outputs['iam-policy']!)
    expect(policy.Statement).toHaveLength(1)
    expect(policy.Statement[0].Resource).toHaveLength(5)
    // The closed IAM gate carries the policy to copy (every affected ARN) and the command that attaches it.
    expect(run.summary).toContain('Policy for these checks')
    expect(run.summary).toContain('```json')
    expect(run.summary).toContain('aws iam put-role-policy --role-name runner-instance')
    expect(run.summary).toContain('arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-6')
  })
})

describe('2. SCP vs missing allow', () => {
  it('an SCP denial is not fixed with IAM, and the blocked destination region is named', async () => {
    const state = openAccount()
    state.iam.scpDenyRegions = ['us-west-2']
    const run = await probe(state, { models: 'us.anthropic.claude-sonnet-4-6' })
    const gate = gateOf(run, 'us.anthropic.claude-sonnet-4-6', 'us-east-1', 'iam-permission')
    expect(gate).toMatchObject({ status: 'fail', cause: 'iam-scp-deny' })
    expect(gate.detail).toContain('the SCP blocks us-west-2, a destination region of this inference profile')
    expect(gate.fix).toMatch(/An IAM policy cannot override an SCP/)
    expect(run.outputs['iam-policy']).toBe('')
    expect(run.summary).toContain('the SCP blocks us-west-2')
  })
})

describe('2b. an SCP that restricts regions, on a global profile', () => {
  it('names the regionless route and the "unspecified" region the SCP must allow', async () => {
    const state = openAccount()
    // A region-restricting SCP lists real regions only: the global route (no region) is outside it.
    state.iam.scpDenyRegions = ['']
    const model = 'global.anthropic.claude-sonnet-4-6'
    const run = await probe(state, { models: model })
    expect(run.outputs.result).toBe('fail')
    const gate = gateOf(run, model, 'us-east-1', 'iam-permission')
    expect(gate).toMatchObject({ status: 'fail', cause: 'iam-scp-deny' })
    expect(gate.detail).toContain('the global route of this inference profile')
    expect(gate.fix).toContain('aws:RequestedRegion "unspecified"')
    expect(run.outputs['iam-policy']).toBe('')
    expect(run.summary).toContain('aws:RequestedRegion &quot;unspecified&quot;')
  })
})

describe('3. Marketplace vs IAM', () => {
  it('a runtime role hitting the Marketplace denial: model access is closed, not IAM', async () => {
    const state = openAccount()
    state.iam.deniedActions = ['*']
    delete state.agreements['anthropic.claude-3-haiku-20240307-v1:0']
    // Without reads the agreement state is unknown: only a session that may not subscribe is called.
    const run = await probe(state, { models: 'anthropic.claude-3-haiku-20240307-v1:0', ...RUNTIME_ROLE })
    const access = gateOf(run, 'anthropic.claude-3-haiku-20240307-v1:0', 'us-east-1', 'model-access')
    expect(access).toMatchObject({ status: 'fail', cause: 'marketplace-permissions' })
    expect(access.fix).toMatch(/aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions/)
    expect(access.fix).toMatch(/create-agreement: true/)
    expect(gateOf(run, 'anthropic.claude-3-haiku-20240307-v1:0', 'us-east-1', 'iam-permission').status).toBe(
      'skip'
    )
    expect(run.outputs['iam-policy']).toBe('')
    // The fix to copy: the subscribe policy and the command that attaches it to the caller's role.
    expect(run.summary).toContain('"aws-marketplace:Subscribe"')
    expect(run.summary).toMatch(
      /aws iam put-role-policy --role-name \S+ --policy-name bedrock-marketplace --policy-document file:\/\/bedrock-marketplace\.json/
    )
  })
})

describe('4. on-demand needs a profile', () => {
  it('from the model details: names the system profiles in the region that contain the model, without calling', async () => {
    const run = await probe(openAccount(), { models: 'anthropic.claude-sonnet-4-6' })
    const gate = gateOf(run, 'anthropic.claude-sonnet-4-6', 'us-east-1', 'region')
    expect(gate).toMatchObject({ status: 'fail', cause: 'on-demand-unsupported' })
    expect(gate.hints?.profiles).toEqual([
      'global.anthropic.claude-sonnet-4-6',
      'us.anthropic.claude-sonnet-4-6'
    ])
    expect(run.summary).toContain(
      'Profiles in us-east-1 that contain anthropic.claude-sonnet-4-6: global.anthropic.claude-sonnet-4-6, us.anthropic.claude-sonnet-4-6'
    )
    expect(emulator!.count('Converse')).toBe(0)
  })

  it('the profiles are found on every page of the listing, one profile a page as AWS may cut it', async () => {
    const state = openAccount()
    state.profilePageSize = 1
    const run = await probe(state, { models: 'anthropic.claude-sonnet-4-6' })
    const gate = gateOf(run, 'anthropic.claude-sonnet-4-6', 'us-east-1', 'region')
    expect(gate.hints?.profiles).toEqual([
      'global.anthropic.claude-sonnet-4-6',
      'us.anthropic.claude-sonnet-4-6'
    ])
    const pages = emulator!.calls.filter(call => call.operation === 'ListInferenceProfiles')
    expect(pages.length).toBe(
      state.profiles.filter(p => p.regions.includes('us-east-1') && !p.application).length
    )
  })

  it('from the call (model details not readable): the on-demand error, with the same profiles', async () => {
    const state = openAccount()
    state.iam.deniedActions = ['bedrock:GetFoundationModel']
    const run = await probe(state, { models: 'anthropic.claude-sonnet-4-6' })
    const gate = gateOf(run, 'anthropic.claude-sonnet-4-6', 'us-east-1', 'region')
    expect(gate).toMatchObject({ status: 'fail', cause: 'on-demand-unsupported' })
    expect(gate.detail).toContain('with on-demand throughput isn’t supported')
    expect(gate.hints?.profiles).toContain('us.anthropic.claude-sonnet-4-6')
  })
})

describe('5. region', () => {
  it('not offered: says so, and which requested region and which profile would reach it', async () => {
    const run = await probe(openAccount(), {
      models: 'amazon.nova-lite-v1:0',
      regions: 'us-west-2, us-east-1'
    })
    const gate = gateOf(run, 'amazon.nova-lite-v1:0', 'us-west-2', 'region')
    expect(gate.detail).toBe(
      'amazon.nova-lite-v1:0 is not offered in us-west-2 (regionAvailability NOT_AVAILABLE)'
    )
    expect(gate.hints).toEqual({ profiles: ['us.amazon.nova-lite-v1:0'], offeredIn: ['us-east-1'] })
    expect(run.summary).toContain(
      'Profiles in us-west-2 that contain amazon.nova-lite-v1:0: us.amazon.nova-lite-v1:0.'
    )
    expect(run.summary).toContain('Of the requested regions, amazon.nova-lite-v1:0 is offered in us-east-1.')
    // The annotation's fix stands on its own: the hints travel with it.
    expect(run.stdout).toMatch(
      /::error .*Of the requested regions, amazon.nova-lite-v1:0 is offered in us-east-1/
    )
  })

  it('a profile outside its geography names the profiles of this one', async () => {
    const run = await probe(openAccount(), { models: 'us.anthropic.claude-sonnet-4-6', regions: 'eu-west-1' })
    const gate = gateOf(run, 'us.anthropic.claude-sonnet-4-6', 'eu-west-1', 'region')
    expect(gate).toMatchObject({ status: 'fail', cause: 'profile-not-found' })
    expect(gate.hints?.profiles).toEqual([
      'eu.anthropic.claude-sonnet-4-6',
      'global.anthropic.claude-sonnet-4-6'
    ])
  })
})

describe('6. lifecycle', () => {
  it('a Legacy model that still answers is a warning with its dates', async () => {
    const run = await probe(openAccount(), { models: 'anthropic.claude-v2:1' })
    const gate = gateOf(run, 'anthropic.claude-v2:1', 'us-east-1', 'model-access')
    expect(gate.status).toBe('warn')
    expect(gate.detail).toMatch(
      /^anthropic\.claude-v2:1 is Legacy \(legacy since 2025-01-21, end of life 2027-07-21, \d+ days before end of life\)$/
    )
    expect(run.outputs.result).toBe('pass')
  })

  it('a Legacy model refused for disuse fails with that word and the dates', async () => {
    const state = openAccount()
    state.models.find(model => model.id === 'anthropic.claude-v2:1')!.legacyDenied = true
    const run = await probe(state, { models: 'anthropic.claude-v2:1' })
    const gate = gateOf(run, 'anthropic.claude-v2:1', 'us-east-1', 'model-access')
    expect(gate.status).toBe('fail')
    expect(gate.detail).toMatch(/Legacy/)
    expect(gate.detail).toContain('legacy since 2025-01-21, end of life 2027-07-21')
  })

  it('an end-of-life model fails', async () => {
    const state = openAccount()
    const model = state.models.find(candidate => candidate.id === 'anthropic.claude-v2:1')!
    model.endOfLife = true
    model.lifecycle = {
      status: 'LEGACY',
      legacyTime: new Date('2024-01-01T00:00:00Z'),
      endOfLifeTime: new Date('2025-06-01T00:00:00Z')
    }
    const run = await probe(state, { models: 'anthropic.claude-v2:1' })
    const gate = gateOf(run, 'anthropic.claude-v2:1', 'us-east-1', 'model-access')
    expect(gate).toMatchObject({ status: 'fail', cause: 'model-end-of-life' })
    expect(gate.detail).toContain('end of life 2025-06-01')
  })
})

describe('7. non-text models', () => {
  it('embeddings get a minimal InvokeModel body; image models are not invoked, with the reason', async () => {
    const state = openAccount()
    const run = await probe(state, {
      models: 'amazon.titan-embed-text-v2:0, cohere.embed-english-v3, stability.sd3-5-large-v1:0',
      regions: 'us-west-2'
    })
    expect(run.report!.checks.find(check => check.model === 'amazon.titan-embed-text-v2:0')!.invocation).toBe(
      'invoke-model'
    )
    expect(run.report!.checks.find(check => check.model === 'cohere.embed-english-v3')!.invocation).toBe(
      'invoke-model'
    )
    const bodies = emulator!.calls
      .filter(call => call.operation === 'InvokeModel')
      .map(call => JSON.parse(call.body!))
    expect(bodies).toEqual(
      expect.arrayContaining([{ inputText: 'ok' }, { texts: ['ok'], input_type: 'search_query' }])
    )
    const image = gateOf(run, 'stability.sd3-5-large-v1:0', 'us-west-2', 'iam-permission')
    expect(image).toMatchObject({ status: 'skip', cause: 'media-model' })
    expect(image.detail).toMatch(/billed per generated image/)
    expect(emulator!.count('Converse')).toBe(0)
    expect(run.outputs.result).toBe('pass')
  })
})

describe('8. partial permissions', () => {
  it('a runtime role without control-plane reads gets its verdict from the call', async () => {
    const state = openAccount()
    state.iam.deniedActions = ['*']
    const run = await probe(state, { models: 'us.anthropic.claude-sonnet-4-6', ...RUNTIME_ROLE })
    expect(run.outputs.result).toBe('pass')
    const region = gateOf(run, 'us.anthropic.claude-sonnet-4-6', 'us-east-1', 'region')
    expect(region.status).toBe('pass')
    expect(region.detail).toMatch(/Proven by the call/)
  })

  it('a runtime role whose call is also refused: each skip says which permission would make it definitive', async () => {
    const state = openAccount()
    state.iam.deniedActions = ['*']
    state.iam.invokeAllowed = []
    const run = await probe(state, { models: 'amazon.nova-lite-v1:0' })
    const region = gateOf(run, 'amazon.nova-lite-v1:0', 'us-east-1', 'region')
    expect(region).toMatchObject({ status: 'skip', cause: 'read-denied' })
    expect(region.fix).toContain('bedrock:GetFoundationModelAvailability')
    expect(gateOf(run, 'amazon.nova-lite-v1:0', 'us-east-1', 'iam-permission').status).toBe('fail')
  })

  it('a control-plane-only role with invoke: false gets its verdict from availability', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = []
    const run = await probe(state, { models: 'us.anthropic.claude-sonnet-4-6', invoke: 'false' })
    expect(run.outputs.result).toBe('pass')
    const gates = run.report!.checks[0]!.gates
    expect([gates.region.status, gates['model-access'].status, gates['provider-terms'].status]).toEqual([
      'pass',
      'pass',
      'pass'
    ])
    expect(gates['iam-permission']).toMatchObject({ status: 'skip', cause: 'invoke-disabled' })
    expect(gates['iam-permission'].detail).toContain('only a call proves bedrock:InvokeModel')
  })
})

describe('9. throttling', () => {
  it('after the SDK retries, throttling proves the IAM gate and is a capacity warning, never a closed gate', async () => {
    const state = openAccount()
    state.faults = [{ operation: 'Converse', kind: 'throttle' }]
    const run = await probe(state, { models: 'us.anthropic.claude-sonnet-4-6' })
    expect(emulator!.count('Converse')).toBe(3)
    const gate = gateOf(run, 'us.anthropic.claude-sonnet-4-6', 'us-east-1', 'iam-permission')
    expect(gate).toMatchObject({ status: 'pass' })
    expect(gate.detail).toBe('Converse was authorized, then throttled after retries (see Capacity)')
    expect(gateOf(run, 'us.anthropic.claude-sonnet-4-6', 'us-east-1', 'capacity')).toMatchObject({
      status: 'warn',
      cause: 'throttled'
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('pass')
  })
})

describe('10. agreement ERROR and PENDING', () => {
  it('ERROR fails and shows the errorMessage', async () => {
    const state = openAccount()
    state.agreements['cohere.embed-english-v3'] = {
      status: 'ERROR',
      errorMessage: 'The payment instrument was declined.'
    }
    const run = await probe(state, { models: 'cohere.embed-english-v3' })
    const gate = gateOf(run, 'cohere.embed-english-v3', 'us-east-1', 'provider-terms')
    expect(gate).toMatchObject({ status: 'fail', cause: 'agreement-error' })
    expect(gate.detail).toContain('The payment instrument was declined.')
  })

  it('PENDING is a warning with the propagation note', async () => {
    const state = openAccount()
    state.agreements['cohere.embed-english-v3'] = { status: 'PENDING', pendingPolls: 100 }
    const run = await probe(state, { models: 'cohere.embed-english-v3' })
    const gate = gateOf(run, 'cohere.embed-english-v3', 'us-east-1', 'provider-terms')
    expect(gate.status).toBe('warn')
    expect(gate.fix).toMatch(/about 2 minutes and can take up to 15/)
    expect(run.stdout).toMatch(
      /::warning title=Bedrock Provider terms warning \(1 check\)::Provider terms warning for cohere.embed-english-v3 @ us-east-1/
    )
  })
})

describe('the summary stays readable at 20 checks', () => {
  it('identical failures are grouped into one finding', async () => {
    const state = openAccount()
    const models = Array.from({ length: 10 }, (_, i) => `amazon.probe-model-${i}-v1:0`)
    for (const id of models) state.models.push({ id, regions: ['us-east-1', 'us-west-2'] })
    state.iam.scpDenyRegions = ['us-east-1', 'us-west-2']
    const run = await probe(state, { models: models.join('\n'), regions: 'us-east-1, us-west-2' })
    expect(run.report!.checks).toHaveLength(20)
    expect(run.report!.counts.fail).toBe(20)
    expect(run.summary.match(/<h3>❌/g)).toHaveLength(1)
    expect(run.summary).toContain(
      'IAM permission closed: a service control policy denies the call (20 checks)'
    )
    // The fix names every ARN the SCP blocks, not the first check's only.
    for (const id of models) expect(run.summary).toContain(`foundation-model/${id}`)
    expect(run.summary).toContain('and 8 more')
  })
})

describe('the printed policy opens the gate', () => {
  it('a global profile: the iam-policy output, attached as is, makes the next run pass', async () => {
    const model = 'global.anthropic.claude-sonnet-4-6'
    const state = openAccount()
    state.iam.invokeAllowed = []
    const denied = await probe(state, { models: model })
    expect(gateOf(denied, model, 'us-east-1', 'iam-permission').status).toBe('fail')
    const policy = JSON.parse(denied.outputs['iam-policy']!) as { Statement: { Resource: string[] }[] }
    const resources = policy.Statement[0]!.Resource
    expect(resources).toContain('arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-6')
    await emulator!.close()

    const granted = openAccount()
    granted.iam.invokeAllowed = resources
    const run = await probe(granted, { models: model })
    expect(run.outputs.result).toBe('pass')
  })
})
