/**
 * What the workload will really do, end to end against the emulator: the calls it makes (streams read to their
 * end, each proving its own IAM action), the claude-code preset, Bedrock API keys (bearer auth), the account the
 * credentials belong to, and the credentials handed to later steps.
 */
import { describe, expect, it } from '@jest/globals'
import { ACCOUNT, longTermApiKey, openAccount, shortTermApiKey } from '../../emulator/state.js'
import { emulatorPerTest, gateOf } from './harness.js'

const { probe, emulator } = emulatorPerTest()

const SONNET = 'us.anthropic.claude-sonnet-4-6'
const NOVA = 'amazon.nova-lite-v1:0'

describe('the calls the workload makes', () => {
  it('streams are made and read to the end: every asked call proves its action', async () => {
    const run = await probe(openAccount(), {
      models: `${SONNET}, ${NOVA}`,
      regions: 'us-east-1',
      calls: 'converse, converse-stream, invoke, invoke-stream'
    })
    expect(run.outputs.result).toBe('pass')
    for (const operation of ['Converse', 'ConverseStream', 'InvokeModel', 'InvokeModelWithResponseStream'])
      expect(emulator().count(operation)).toBe(2)
    expect(gateOf(run, SONNET, 'us-east-1', 'iam-permission').detail).toBe(
      'Converse, ConverseStream, InvokeModel and InvokeModelWithResponseStream succeeded (bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream)'
    )
    // The Invoke API carries the provider's own body: Anthropic's messages format, Nova's messages-v1.
    const bodies = emulator()
      .calls.filter(call => call.operation === 'InvokeModelWithResponseStream')
      .map(call => JSON.parse(call.body ?? '{}') as Record<string, unknown>)
    expect(bodies.find(body => 'anthropic_version' in body)).toMatchObject({ max_tokens: 16 })
    expect(bodies.find(body => body.schemaVersion === 'messages-v1')).toMatchObject({
      inferenceConfig: { maxTokens: 16 }
    })
    expect(run.report?.checks[0]?.calls.map(call => call.result)).toEqual(['ok', 'ok', 'ok', 'ok'])
  })

  it('streaming allowed, InvokeModel denied: the IAM gate fails naming bedrock:InvokeModel', async () => {
    const state = openAccount()
    state.iam.invokeActionsNotAllowed = ['bedrock:InvokeModel']
    const run = await probe(state, {
      models: SONNET,
      regions: 'us-east-1',
      calls: 'converse, converse-stream'
    })
    expect(run.outputs.result).toBe('fail')
    const iam = gateOf(run, SONNET, 'us-east-1', 'iam-permission')
    expect(iam).toMatchObject({ status: 'fail', cause: 'iam-no-allow' })
    expect(iam.detail).toContain('refused: Converse (bedrock:InvokeModel)')
    expect(iam.detail).toContain('ConverseStream succeeded (bedrock:InvokeModelWithResponseStream)')
    expect(iam.fix).toMatch(/^Allow bedrock:InvokeModel:/)
    // The call that got through proves every gate before IAM.
    expect(gateOf(run, SONNET, 'us-east-1', 'provider-terms').status).toBe('pass')
    const policy = JSON.parse(run.outputs['iam-policy']!) as { Statement: { Action: string[] }[] }
    expect(policy.Statement[0]!.Action).toEqual([
      'bedrock:InvokeModel',
      'bedrock:InvokeModelWithResponseStream'
    ])
  })

  it('InvokeModel allowed, streaming denied: fails naming bedrock:InvokeModelWithResponseStream', async () => {
    const state = openAccount()
    state.iam.invokeActionsNotAllowed = ['bedrock:InvokeModelWithResponseStream']
    const run = await probe(state, { models: NOVA, regions: 'us-east-1', calls: 'invoke, invoke-stream' })
    expect(run.code).toBe(1)
    const iam = gateOf(run, NOVA, 'us-east-1', 'iam-permission')
    expect(iam).toMatchObject({ status: 'fail', cause: 'iam-no-allow' })
    expect(iam.detail).toContain(
      'refused: InvokeModelWithResponseStream (bedrock:InvokeModelWithResponseStream)'
    )
    expect(iam.detail).toContain('InvokeModel succeeded (bedrock:InvokeModel)')
    expect(run.summary).toContain('bedrock:InvokeModelWithResponseStream')
  })

  it('the default (converse only) passes a role without the streaming action: only the asked calls are proven', async () => {
    const state = openAccount()
    state.iam.invokeActionsNotAllowed = ['bedrock:InvokeModelWithResponseStream']
    const run = await probe(state, { models: SONNET, regions: 'us-east-1' })
    expect(run.outputs.result).toBe('pass')
    expect(emulator().count('ConverseStream')).toBe(0)
  })

  it('a stream that breaks off mid-way is a fault: inconclusive, never a pass and never a closed gate', async () => {
    const state = openAccount()
    state.streamBreak = {
      exception: 'modelStreamErrorException',
      message: 'An error occurred while streaming the response. Retry your request.'
    }
    const run = await probe(state, { models: SONNET, regions: 'us-east-1', calls: 'converse-stream' })
    expect(run.outputs.result).toBe('inconclusive')
    const iam = gateOf(run, SONNET, 'us-east-1', 'iam-permission')
    expect(iam.status).toBe('warn')
    expect(iam.detail).toContain('the stream broke off')
    expect(iam.detail).toContain('ModelStreamErrorException')
    expect(run.report?.checks[0]?.calls).toEqual([
      expect.objectContaining({ call: 'converse-stream', result: 'fault' })
    ])
  })

  it('an embedding model answers InvokeModel only: the streaming call is not applicable, and the check passes', async () => {
    const run = await probe(openAccount(), {
      models: 'amazon.titan-embed-text-v2:0',
      regions: 'us-east-1',
      calls: 'converse-stream'
    })
    expect(run.outputs.result).toBe('pass')
    expect(emulator().count('ConverseStream')).toBe(0)
    expect(emulator().count('InvokeModel')).toBe(1)
    expect(gateOf(run, 'amazon.titan-embed-text-v2:0', 'us-east-1', 'iam-permission').detail).toContain(
      'ConverseStream not made (embedding models answer InvokeModel only)'
    )
  })
})

describe('workload: claude-code', () => {
  const claudeEnv = {
    CLAUDE_CODE_USE_BEDROCK: '1',
    ANTHROPIC_MODEL: SONNET,
    ANTHROPIC_DEFAULT_HAIKU_MODEL: 'us.anthropic.claude-3-haiku-20240307-v1:0'
  }

  it("checks the models Claude Code's variables name, with its calls and its profile listing", async () => {
    const run = await probe(
      openAccount(),
      { models: '', regions: 'us-east-1', workload: 'claude-code' },
      { env: claudeEnv }
    )
    expect(run.outputs.result).toBe('pass')
    expect(run.report?.checks.map(check => check.model).sort()).toEqual(
      [SONNET, 'us.anthropic.claude-3-haiku-20240307-v1:0'].sort()
    )
    expect(emulator().count('InvokeModelWithResponseStream')).toBe(2)
    expect(emulator().count('InvokeModel')).toBe(2)
    expect(emulator().count('Converse')).toBe(0)
    // One listing per region proves bedrock:ListInferenceProfiles (Claude Code's IAM policy lists it).
    expect(emulator().count('ListInferenceProfiles')).toBe(1)
    expect(gateOf(run, SONNET, 'us-east-1', 'iam-permission').detail).toContain(
      'ListInferenceProfiles allowed'
    )
  })

  it('a role without the streaming action fails, as Claude Code would', async () => {
    const state = openAccount()
    state.iam.invokeActionsNotAllowed = ['bedrock:InvokeModelWithResponseStream']
    const run = await probe(
      state,
      { models: '', regions: 'us-east-1', workload: 'claude-code' },
      { env: claudeEnv }
    )
    expect(run.outputs.result).toBe('fail')
    expect(gateOf(run, SONNET, 'us-east-1', 'iam-permission').fix).toMatch(
      /^Allow bedrock:InvokeModelWithResponseStream/
    )
  })

  it('a denied ListInferenceProfiles closes the IAM gate with its own statement', async () => {
    const state = openAccount()
    state.iam.deniedActions = ['bedrock:ListInferenceProfiles']
    const run = await probe(state, { models: SONNET, regions: 'us-east-1', workload: 'claude-code' })
    expect(gateOf(run, SONNET, 'us-east-1', 'iam-permission')).toMatchObject({
      status: 'fail',
      cause: 'iam-list-denied'
    })
    const policy = JSON.parse(run.outputs['iam-policy']!) as {
      Statement: { Action: string[]; Resource: string[] }[]
    }
    expect(policy.Statement).toEqual([
      expect.objectContaining({
        Action: ['bedrock:ListInferenceProfiles'],
        Resource: [`arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/*`]
      })
    ])
  })

  it('the small/fast model is checked in ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION', async () => {
    const run = await probe(
      openAccount(),
      { models: '', regions: 'us-east-1', workload: 'claude-code' },
      { env: { ...claudeEnv, ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION: 'us-west-2' } }
    )
    expect(run.report?.checks.map(check => `${check.model}@${check.region}`).sort()).toEqual(
      [`${SONNET}@us-east-1`, 'us.anthropic.claude-3-haiku-20240307-v1:0@us-west-2'].sort()
    )
  })

  it('ANTHROPIC_MODEL=sonnet with its pin: the pinned model is checked, and nothing is said', async () => {
    const run = await probe(
      openAccount(),
      { models: '', regions: 'us-east-1', workload: 'claude-code' },
      {
        env: {
          CLAUDE_CODE_USE_BEDROCK: '1',
          ANTHROPIC_MODEL: 'sonnet',
          ANTHROPIC_DEFAULT_SONNET_MODEL: SONNET
        }
      }
    )
    expect(run.outputs.result).toBe('pass')
    expect(run.report?.checks.map(check => check.model)).toEqual([SONNET])
    expect(run.stdout).not.toContain('is a Claude Code alias')
  })

  it('ANTHROPIC_MODEL=sonnet without its pin: a warning names the variable to set', async () => {
    const run = await probe(
      openAccount(),
      { models: SONNET, regions: 'us-east-1', workload: 'claude-code' },
      { env: { CLAUDE_CODE_USE_BEDROCK: '1', ANTHROPIC_MODEL: 'sonnet' } }
    )
    expect(run.outputs.result).toBe('pass')
    expect(run.stdout).toMatch(
      /::warning::ANTHROPIC_MODEL=sonnet is a Claude Code alias, and ANTHROPIC_DEFAULT_SONNET_MODEL does not pin it/
    )
  })

  it('without models or model variables the input error names the variables', async () => {
    const run = await probe(openAccount(), { models: '', regions: 'us-east-1', workload: 'claude-code' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Input "models" is empty and none of ANTHROPIC_MODEL')
    expect(emulator().calls).toHaveLength(0)
  })
})

describe('Bedrock API keys (AWS_BEARER_TOKEN_BEDROCK)', () => {
  const NOW = new Date()

  it('a valid key: probed with bearer auth as the workload will, no STS, and the source says so', async () => {
    const key = longTermApiKey(ACCOUNT)
    const state = openAccount()
    state.apiKeys[key] = { arn: `arn:aws:iam::${ACCOUNT}:user/BedrockAPIKey-emul` }
    const run = await probe(
      state,
      { models: SONNET, regions: 'us-east-1' },
      { env: { AWS_BEARER_TOKEN_BEDROCK: key } }
    )
    expect(run.outputs.result).toBe('pass')
    expect(run.outputs['credential-source']).toBe('bedrock-api-key')
    expect(emulator().count('GetCallerIdentity')).toBe(0)
    const bedrockCalls = emulator().calls.filter(call => call.operation !== 'OidcToken')
    expect(bedrockCalls.length).toBeGreaterThan(0)
    expect(bedrockCalls.every(call => call.auth === 'bearer')).toBe(true)
    // A key authorizes Bedrock only: Service Quotas is not read with other credentials.
    expect(emulator().count('ListServiceQuotas')).toBe(0)
    expect(gateOf(run, SONNET, 'us-east-1', 'capacity').detail).toContain(
      'a Bedrock API key authorizes Bedrock calls only'
    )
    expect(gateOf(run, SONNET, 'us-east-1', 'credentials')).toMatchObject({ status: 'pass' })
    expect(gateOf(run, SONNET, 'us-east-1', 'credentials').detail).toContain('long-term Bedrock API key')
    // The key is masked before anything could print it, and appears nowhere else.
    expect(run.stdout).toContain(`::add-mask::${key}`)
    expect(run.everything.replace(`::add-mask::${key}`, '')).not.toContain(key)
  })

  it('an invalid key closes the credentials gate with the fix', async () => {
    const run = await probe(
      openAccount(),
      { models: SONNET, regions: 'us-east-1' },
      { env: { AWS_BEARER_TOKEN_BEDROCK: longTermApiKey(ACCOUNT, 'BedrockAPIKey-revoked') } }
    )
    expect(run.outputs.result).toBe('fail')
    const gate = gateOf(run, SONNET, 'us-east-1', 'credentials')
    expect(gate).toMatchObject({ status: 'fail', cause: 'bearer-key-invalid' })
    expect(gate.fix).toMatch(/create a new key/)
  })

  it('an expired short-term key is known without a call', async () => {
    const key = shortTermApiKey('us-east-1', new Date(NOW.getTime() - 13 * 3600_000))
    const run = await probe(
      openAccount(),
      { models: SONNET, regions: 'us-east-1' },
      { env: { AWS_BEARER_TOKEN_BEDROCK: key } }
    )
    expect(run.outputs.result).toBe('fail')
    expect(gateOf(run, SONNET, 'us-east-1', 'credentials')).toMatchObject({
      status: 'fail',
      cause: 'bearer-key-expired'
    })
    expect(emulator().calls).toHaveLength(0)
  })

  it('a short-term key works only in the region it was made for', async () => {
    const key = shortTermApiKey('us-east-1', new Date(NOW.getTime() - 3600_000))
    const state = openAccount()
    state.apiKeys[key] = { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/dev/alice` }
    const run = await probe(
      state,
      { models: SONNET, regions: 'us-east-1, us-west-2' },
      { env: { AWS_BEARER_TOKEN_BEDROCK: key } }
    )
    expect(gateOf(run, SONNET, 'us-east-1', 'credentials').status).toBe('pass')
    expect(gateOf(run, SONNET, 'us-west-2', 'credentials')).toMatchObject({
      status: 'fail',
      cause: 'bearer-key-region'
    })
  })

  it.each([
    ['no-allow', 'bearer-not-permitted'],
    ['scp-deny', 'bearer-denied-scp']
  ] as const)(
    'bedrock:CallWithBearerToken %s closes the IAM-permission gate (%s): the key itself was recognised',
    async (denial, cause) => {
      const key = longTermApiKey(ACCOUNT)
      const state = openAccount()
      state.apiKeys[key] = {
        arn: `arn:aws:iam::${ACCOUNT}:user/BedrockAPIKey-emul`,
        callWithBearerToken: denial
      }
      const run = await probe(
        state,
        { models: SONNET, regions: 'us-east-1' },
        { env: { AWS_BEARER_TOKEN_BEDROCK: key } }
      )
      expect(run.outputs.result).toBe('fail')
      expect(gateOf(run, SONNET, 'us-east-1', 'iam-permission')).toMatchObject({ status: 'fail', cause })
      expect(gateOf(run, SONNET, 'us-east-1', 'credentials')).toMatchObject({ status: 'pass' })
      if (denial === 'no-allow') {
        // An Allow opens it: the statement, and the command that adds it to the key's IAM user.
        expect(JSON.parse(run.outputs['iam-policy']!).Statement).toEqual([
          {
            Sid: 'BedrockAccessProbeBearerToken',
            Effect: 'Allow',
            Action: ['bedrock:CallWithBearerToken'],
            Resource: ['*']
          }
        ])
        expect(run.summary).toContain('aws iam put-user-policy --user-name BedrockAPIKey-emul')
      } else {
        // No identity policy overrides an SCP: no policy is offered.
        expect(run.outputs['iam-policy']).toBe('')
        expect(run.summary).not.toContain('put-user-policy')
      }
    }
  )

  it('with role-to-assume every call is signed with the role (SigV4), and the report says the key was not used', async () => {
    const key = longTermApiKey(ACCOUNT)
    const run = await probe(
      openAccount(),
      { models: SONNET, regions: 'us-east-1', 'role-to-assume': `arn:aws:iam::${ACCOUNT}:role/bedrock-ci` },
      { oidc: true, env: { AWS_BEARER_TOKEN_BEDROCK: key } }
    )
    expect(run.outputs.result).toBe('pass')
    expect(run.outputs['credential-source']).toBe('oidc-role')
    const bedrockCalls = emulator().calls.filter(call => /Converse|Foundation|Inference/.test(call.operation))
    expect(bedrockCalls.length).toBeGreaterThan(0)
    expect(bedrockCalls.every(call => call.auth === 'sigv4')).toBe(true)
    expect(run.report?.credentialNotes?.[0]).toMatch(/AWS_BEARER_TOKEN_BEDROCK is set but was not used/)
    expect(run.summary).toContain('was not used')
  })
})

describe('the right account, and the credentials for later steps', () => {
  it('outputs who was checked and how', async () => {
    const run = await probe(openAccount(), { models: NOVA, regions: 'us-east-1' })
    expect(run.outputs['aws-account-id']).toBe(ACCOUNT)
    expect(run.outputs['authenticated-arn']).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/runner-instance/i-0abc`
    )
    expect(run.outputs['credential-source']).toBe('environment-keys')
    expect(run.summary).toContain('credentials from environment variables')
  })

  it('mask-account-id masks the account and the ARN in the log, but the outputs still carry them', async () => {
    const run = await probe(openAccount(), { models: NOVA, regions: 'us-east-1', 'mask-account-id': 'true' })
    expect(run.stdout).toContain(`::add-mask::${ACCOUNT}`)
    expect(run.stdout).toContain(`::add-mask::arn:aws:sts::${ACCOUNT}:assumed-role/runner-instance/i-0abc`)
    expect(run.outputs['aws-account-id']).toBe(ACCOUNT)
  })

  it('allowed-account-ids: another account fails the credentials gate, naming both, and nothing else is called', async () => {
    const run = await probe(openAccount(), {
      models: NOVA,
      regions: 'us-east-1',
      'allowed-account-ids': '444455556666, 777788889999'
    })
    expect(run.outputs.result).toBe('fail')
    const gate = gateOf(run, NOVA, 'us-east-1', 'credentials')
    expect(gate).toMatchObject({ status: 'fail', cause: 'wrong-account' })
    expect(gate.detail).toContain(ACCOUNT)
    expect(gate.detail).toContain('444455556666, 777788889999')
    expect(emulator().count('Converse')).toBe(0)
  })

  it('allowed-account-ids with the right account passes', async () => {
    const run = await probe(openAccount(), {
      models: NOVA,
      regions: 'us-east-1',
      'allowed-account-ids': ACCOUNT
    })
    expect(run.outputs.result).toBe('pass')
  })

  it('a bad account ID is an input error before any AWS call', async () => {
    const run = await probe(openAccount(), {
      models: NOVA,
      regions: 'us-east-1',
      'allowed-account-ids': '1234'
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Input "allowed-account-ids" entry "1234" is not a 12-digit AWS account ID')
    expect(emulator().calls).toHaveLength(0)
  })

  it('export-credentials: the role session is exported for later steps, masked first', async () => {
    const run = await probe(
      openAccount(),
      {
        models: NOVA,
        regions: 'us-east-1',
        'role-to-assume': `arn:aws:iam::${ACCOUNT}:role/bedrock-ci`,
        'export-credentials': 'true'
      },
      { oidc: true }
    )
    expect(run.outputs.result).toBe('pass')
    const { AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token } = run.exported
    expect(id).toMatch(/^ASIA/)
    expect(secret).toBeTruthy()
    expect(token).toBeTruthy()
    // The role's keys, not the runner's ambient ones; each masked before it was exported.
    expect(emulator().state.accessKeys[id!]?.arn).toContain('assumed-role/bedrock-ci')
    for (const value of [id, secret, token]) expect(run.stdout).toContain(`::add-mask::${value}`)
  })

  it('without export-credentials nothing is exported', async () => {
    const run = await probe(openAccount(), { models: NOVA, regions: 'us-east-1' })
    expect(run.exported).toEqual({})
  })
})
