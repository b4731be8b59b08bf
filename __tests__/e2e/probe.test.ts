/**
 * The probe end to end: the bundle built from the current sources against the emulator, one test per gate failing on its own,
 * the happy path with ambient credentials and with OIDC, fail-on and invoke, and no secret anywhere.
 */
import { describe, expect, it } from '@jest/globals'
import { AMBIENT_SECRET, EXPIRED_KEY, openAccount, type EmulatorState } from '../../emulator/state.js'
import { emulatorPerTest, gateOf, type ActionRun } from './harness.js'
import { githubView } from '../support/github-view.js'

const { probe, emulator } = emulatorPerTest()

/** What the runner would show, minus the add-mask commands that carry the secrets to the runner. */
function visible(run: ActionRun): string {
  return run.everything
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
}

describe('the happy path', () => {
  it('ambient credentials: every gate open, one identity check, one call per pair', async () => {
    const run = await probe(openAccount(), {
      models: 'us.anthropic.claude-sonnet-4-6\namazon.nova-lite-v1:0',
      regions: 'us-east-1'
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(run.report?.checks).toHaveLength(2)
    for (const check of run.report!.checks) {
      expect(Object.values(check.gates).map(gate => gate.status)).toEqual([
        'pass',
        'pass',
        'pass',
        'pass',
        'pass',
        'pass'
      ])
    }
    expect(run.report?.identity).toEqual({
      account: '111122223333',
      arn: 'arn:aws:sts::111122223333:assumed-role/runner-instance/i-0abc',
      userId: 'AIDAEMULATOR'
    })
    expect(emulator().count('GetCallerIdentity')).toBe(1)
    expect(emulator().count('Converse')).toBe(2)
    expect(run.summary).toContain('<table>')
    expect(run.summary).toContain('All 2 Bedrock access checks passed: access proven')
    expect(run.outputs['iam-policy']).toBe('')
    expect(visible(run)).not.toContain(AMBIENT_SECRET)
  })

  it('GitHub OIDC: assumes the role and uses only those credentials; no token or key leaks', async () => {
    const run = await probe(
      openAccount(),
      {
        models: 'us.anthropic.claude-sonnet-4-6',
        regions: 'us-east-1',
        'role-to-assume': 'arn:aws:iam::111122223333:role/bedrock-ci'
      },
      { oidc: true, env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined } }
    )
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(emulator().count('OidcToken')).toBe(1)
    expect(emulator().count('AssumeRoleWithWebIdentity')).toBe(1)
    const signed = emulator().calls.filter(call => call.accessKeyId)
    expect(signed.length).toBeGreaterThan(2)
    expect(signed.every(call => call.accessKeyId!.startsWith('ASIA'))).toBe(true)
    expect(run.report?.identity?.arn).toBe(
      'arn:aws:sts::111122223333:assumed-role/bedrock-ci/bedrock-access-probe'
    )
    // Every secret the run saw is masked and appears nowhere else.
    const [key] = Object.entries(emulator().state.accessKeys).find(([id]) => id.startsWith('ASIA'))!
    const { secret, sessionToken } = emulator().state.accessKeys[key]!
    const masked = run.stdout
      .split('\n')
      .filter(line => line.startsWith('::add-mask::'))
      .map(line => line.slice('::add-mask::'.length))
    expect(masked).toEqual(expect.arrayContaining([key, secret, sessionToken]))
    expect(masked.some(value => value.split('.').length === 3)).toBe(true) // the OIDC JWT
    for (const value of masked) expect(visible(run)).not.toContain(value)
  })
})

describe('each gate failing on its own', () => {
  it('credentials: unknown access key', async () => {
    const run = await probe(
      openAccount(),
      { models: 'amazon.nova-lite-v1:0', regions: 'us-east-1' },
      { env: { AWS_ACCESS_KEY_ID: 'AKIAUNKNOWN000000000' } }
    )
    expect(run.code).toBe(1)
    expect(gateOf(run, 'amazon.nova-lite-v1:0', 'us-east-1', 'credentials')).toMatchObject({
      status: 'fail',
      cause: 'credentials-invalid'
    })
    expect(gateOf(run, 'amazon.nova-lite-v1:0', 'us-east-1', 'iam-permission').status).toBe('skip')
    // The checks start with the identity check (credentials are off the critical path): whatever went out with
    // the unknown key was refused at authentication, and nothing but the credentials gate is judged.
    expect(emulator().count('GetCallerIdentity')).toBe(1)
    for (const call of emulator().calls) expect(call.status).toBe(403)
  })

  it('credentials: expired token', async () => {
    const run = await probe(
      openAccount(),
      { models: 'amazon.nova-lite-v1:0', regions: 'us-east-1' },
      { env: { AWS_ACCESS_KEY_ID: EXPIRED_KEY } }
    )
    expect(gateOf(run, 'amazon.nova-lite-v1:0', 'us-east-1', 'credentials')).toMatchObject({
      status: 'fail',
      cause: 'credentials-expired'
    })
  })

  it('credentials: OIDC without `permissions: id-token: write` makes no AWS call', async () => {
    const run = await probe(openAccount(), {
      models: 'amazon.nova-lite-v1:0',
      regions: 'us-east-1',
      'role-to-assume': 'arn:aws:iam::111122223333:role/bedrock-ci'
    })
    const gate = gateOf(run, 'amazon.nova-lite-v1:0', 'us-east-1', 'credentials')
    expect(gate).toMatchObject({ status: 'fail', cause: 'oidc-no-token-permission' })
    expect(gate.fix).toContain('id-token: write')
    expect(emulator().calls).toEqual([])
    expect(run.stdout).toMatch(
      /::error title=Bedrock Credentials closed \(1 check\)::Credentials closed for amazon.nova-lite-v1:0 @ us-east-1/
    )
  })

  it('credentials: a trust policy that refuses the token shows its sub and aud', async () => {
    const state = openAccount()
    state.oidc.trustedSub = 'repo:octo-org/octo-repo:environment:production'
    const run = await probe(
      state,
      {
        models: 'amazon.nova-lite-v1:0',
        regions: 'us-east-1',
        'role-to-assume': 'arn:aws:iam::111122223333:role/bedrock-ci'
      },
      { oidc: true }
    )
    const gate = gateOf(run, 'amazon.nova-lite-v1:0', 'us-east-1', 'credentials')
    expect(gate).toMatchObject({ status: 'fail', cause: 'oidc-trust-policy' })
    expect(gate.detail).toContain(
      'sub="repo:octo-org/octo-repo:ref:refs/heads/main", aud="sts.amazonaws.com"'
    )
    expect(run.summary).toContain('sub=&quot;repo:octo-org/octo-repo:ref:refs/heads/main&quot;')
    // The statement that would admit this token is shown, as JSON, in the summary (README promise).
    expect(run.summary).toContain('Trust-policy statement that admits this token')
    expect(run.summary).toContain(
      'aws iam get-role --role-name bedrock-ci --query Role.AssumeRolePolicyDocument'
    )
    expect(run.summary).toContain(
      '"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"'
    )
  })

  it('credentials: STS does not know the OIDC provider', async () => {
    const state = openAccount()
    state.oidc.providerMissing = true
    const run = await probe(
      state,
      { models: 'amazon.nova-lite-v1:0', regions: 'us-east-1', 'role-to-assume': state.oidc.roleArn },
      { oidc: true }
    )
    expect(gateOf(run, 'amazon.nova-lite-v1:0', 'us-east-1', 'credentials')).toMatchObject({
      status: 'fail',
      cause: 'oidc-invalid-token'
    })
  })

  it.each([
    [
      'the audience is not a client ID of the provider',
      (state: EmulatorState) => (state.oidc.providerClientIds = ['sigstore']),
      {},
      'oidc-audience-mismatch',
      'is not a client ID of the IAM OIDC identity provider',
      'aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com --client-id sts.amazonaws.com'
    ],
    [
      "the provider's thumbprint is stale",
      (state: EmulatorState) => (state.oidc.thumbprintStale = true),
      {},
      'oidc-thumbprint-mismatch',
      'keeps a thumbprint',
      'aws iam update-open-id-connect-provider-thumbprint --open-id-connect-provider-arn arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com --thumbprint-list THUMBPRINT'
    ],
    [
      "role-duration-seconds is above the role's maximum session",
      (state: EmulatorState) => (state.oidc.maxSessionDuration = 3600),
      { 'role-duration-seconds': '7200' },
      'role-duration-too-long',
      'Lower role-duration-seconds',
      'aws iam update-role --role-name bedrock-ci --max-session-duration 7200'
    ]
  ])('credentials: STS refuses because %s', async (_what, arrange, extra, cause, fix, command) => {
    const state = openAccount()
    arrange(state)
    const run = await probe(
      state,
      {
        models: 'amazon.nova-lite-v1:0',
        regions: 'us-east-1',
        'role-to-assume': state.oidc.roleArn,
        ...extra
      },
      { oidc: true }
    )
    expect(run.outputs.result).toBe('fail')
    const gate = gateOf(run, 'amazon.nova-lite-v1:0', 'us-east-1', 'credentials')
    expect(gate).toMatchObject({ status: 'fail', cause })
    expect(gate.fix).toContain(fix)
    // The command to copy is a code block of its own, whole, as GitHub renders the summary.
    expect(githubView(run.summary).codeBlocks.map(block => block.text)).toContain(command)
    // Not the trust policy: no statement to paste into it.
    expect(run.summary).not.toContain('Trust-policy statement that admits this token')
    expect(emulator().count('Converse')).toBe(0)
  })

  it('credentials: STS deactivated in the region the probe calls it in', async () => {
    const state = openAccount()
    state.stsDisabledRegions = ['eu-central-1']
    const run = await probe(state, { models: 'amazon.nova-lite-v1:0', regions: 'eu-central-1' })
    const gate = gateOf(run, 'amazon.nova-lite-v1:0', 'eu-central-1', 'credentials')
    expect(gate).toMatchObject({ status: 'fail', cause: 'sts-region-disabled' })
    expect(gate.fix).toContain('Activate STS in eu-central-1')
  })

  it('region: the model is not offered there (and the other requested region is named)', async () => {
    const run = await probe(openAccount(), {
      models: 'amazon.nova-lite-v1:0',
      regions: 'us-east-1, us-west-2'
    })
    const gate = gateOf(run, 'amazon.nova-lite-v1:0', 'us-west-2', 'region')
    expect(gate).toMatchObject({ status: 'fail', cause: 'region-not-offered' })
    expect(gate.hints?.offeredIn).toEqual(['us-east-1'])
    expect(gateOf(run, 'amazon.nova-lite-v1:0', 'us-east-1', 'region').status).toBe('pass')
    // The call went out with the reads (Nova is not sold through Marketplace, so it cannot accept terms), but the
    // plan decided from the reads makes none here: its refusal is not what the verdict rests on.
    expect(gateOf(run, 'amazon.nova-lite-v1:0', 'us-west-2', 'iam-permission')).toMatchObject({
      status: 'skip',
      cause: 'not-evaluated',
      detail: 'Not evaluated: the Region gate is closed'
    })
    expect(run.report!.checks.find(check => check.region === 'us-west-2')!.calls).toEqual([])
  })

  it('model access: the account has no access to the model', async () => {
    const state = openAccount()
    state.models.find(model => model.id === 'meta.llama3-1-8b-instruct-v1:0')!.noAccess = true
    const run = await probe(state, { models: 'meta.llama3-1-8b-instruct-v1:0', regions: 'us-east-1' })
    const gate = gateOf(run, 'meta.llama3-1-8b-instruct-v1:0', 'us-east-1', 'model-access')
    expect(gate.status).toBe('fail')
    expect(gate.detail).toMatch(/entitlementAvailability NOT_AVAILABLE.*You don't have access to the model/)
    expect(run.report?.result).toBe('fail')
  })

  it('provider terms: no agreement — and the probe does not accept the EULA by calling', async () => {
    const state = openAccount()
    delete state.agreements['cohere.embed-english-v3']
    state.iam.marketplace = true // a call would subscribe the account: it must not be made
    const run = await probe(state, { models: 'cohere.embed-english-v3', regions: 'us-east-1' })
    const gate = gateOf(run, 'cohere.embed-english-v3', 'us-east-1', 'provider-terms')
    expect(gate).toMatchObject({ status: 'fail', cause: 'agreement-missing' })
    expect(gateOf(run, 'cohere.embed-english-v3', 'us-east-1', 'iam-permission')).toMatchObject({
      status: 'skip',
      cause: 'would-accept-eula'
    })
    expect(emulator().count('InvokeModel') + emulator().count('Converse')).toBe(0)
    expect(emulator().state.agreements['cohere.embed-english-v3']).toBeUndefined()
  })

  it('provider terms: the Anthropic use-case form was never submitted', async () => {
    const state = openAccount()
    state.useCaseOnFile = false
    const run = await probe(state, { models: 'us.anthropic.claude-sonnet-4-6', regions: 'us-east-1' })
    const gate = gateOf(run, 'us.anthropic.claude-sonnet-4-6', 'us-east-1', 'provider-terms')
    expect(gate).toMatchObject({ status: 'fail', cause: 'use-case-missing' })
    expect(gate.detail).toContain('Model use case details have not been submitted for this account')
    expect(gate.fix).toMatch(/use-case-form/)
    expect(emulator().count('PutUseCaseForModelAccess')).toBe(0)
  })

  it('IAM permission: no policy allows the profile; the fix and the iam-policy output name every ARN', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = []
    const run = await probe(state, { models: 'us.anthropic.claude-sonnet-4-6', regions: 'us-east-1' })
    const gate = gateOf(run, 'us.anthropic.claude-sonnet-4-6', 'us-east-1', 'iam-permission')
    expect(gate).toMatchObject({ status: 'fail', cause: 'iam-no-allow' })
    expect(gateOf(run, 'us.anthropic.claude-sonnet-4-6', 'us-east-1', 'model-access').status).toBe('pass')
    const policy = JSON.parse(run.outputs['iam-policy']!)
    expect(policy.Statement[0].Action).toEqual(['bedrock:InvokeModel'])
    expect(policy.Statement[0].Resource).toEqual([
      'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-6',
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6',
      'arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-6',
      'arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-6'
    ])
    expect(run.summary).toContain('Policy for these checks')
  })
})

describe('modes', () => {
  it('fail-on: never reports a closed gate without failing the step', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = []
    const run = await probe(state, {
      models: 'amazon.nova-lite-v1:0',
      regions: 'us-east-1',
      'fail-on': 'never'
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('fail')
    expect(run.stdout).toContain(
      '::error title=Bedrock IAM permission closed (1 check)::IAM permission closed for amazon.nova-lite-v1:0 @ us-east-1'
    )
  })

  it('invoke: false makes no model call and says which gate it could not prove', async () => {
    const run = await probe(openAccount(), {
      models: 'us.anthropic.claude-sonnet-4-6',
      regions: 'us-east-1',
      invoke: 'false'
    })
    expect(run.code).toBe(0)
    expect(emulator().count('Converse')).toBe(0)
    expect(gateOf(run, 'us.anthropic.claude-sonnet-4-6', 'us-east-1', 'iam-permission')).toMatchObject({
      status: 'skip',
      cause: 'invoke-disabled'
    })
    expect(gateOf(run, 'us.anthropic.claude-sonnet-4-6', 'us-east-1', 'provider-terms').status).toBe('pass')
  })

  it('ARNs are probed in their own region', async () => {
    const run = await probe(openAccount(), {
      models: 'arn:aws:bedrock:eu-central-1::foundation-model/amazon.nova-lite-v1:0',
      regions: 'us-east-1'
    })
    expect(run.report?.checks.map(check => check.region)).toEqual(['eu-central-1'])
    expect(run.outputs.result).toBe('pass')
  })
})

describe('inference profiles are followed, not guessed from their name', () => {
  const APP_PROFILE = 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/k7x2fq9e1abc'

  it('an application inference profile (ARN): probed in its region, on the model it routes to', async () => {
    const run = await probe(openAccount(), { models: APP_PROFILE })
    expect(run.outputs.result).toBe('pass')
    const check = run.report!.checks[0]!
    expect(check).toMatchObject({
      region: 'us-east-1',
      baseModelId: 'amazon.nova-lite-v1:0',
      invocation: 'converse'
    })
    expect(emulator().calls.find(call => call.operation === 'Converse')?.modelId).toBe(APP_PROFILE)
  })

  it('an application profile IAM does not allow: the policy names that profile ARN and its model', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = []
    const run = await probe(state, { models: APP_PROFILE })
    expect(gateOf(run, APP_PROFILE, 'us-east-1', 'iam-permission')).toMatchObject({
      status: 'fail',
      cause: 'iam-no-allow'
    })
    const policy = JSON.parse(run.outputs['iam-policy']!) as { Statement: { Resource: string[] }[] }
    expect(policy.Statement[0]!.Resource).toEqual([
      APP_PROFILE,
      'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0'
    ])
  })

  it('a profile whose name is not its base model: the gates are decided on the base the profile names', async () => {
    const run = await probe(openAccount(), { models: 'us.meta.llama-chat', regions: 'us-west-2' })
    expect(run.outputs.result).toBe('pass')
    expect(run.report!.checks[0]!.baseModelId).toBe('meta.llama3-1-8b-instruct-v1:0')
    const reads = emulator().calls.filter(call => call.operation === 'GetFoundationModelAvailability')
    expect(reads.map(call => call.modelId)).toContain('meta.llama3-1-8b-instruct-v1:0')
    expect(gateOf(run, 'us.meta.llama-chat', 'us-west-2', 'model-access')).toMatchObject({
      status: 'pass',
      detail: 'Entitled (AVAILABLE)'
    })
  })
})
