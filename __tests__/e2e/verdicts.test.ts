/**
 * Green means proven, end to end: runs that prove nothing are inconclusive and fail the step by default; a
 * refusal nobody catalogued still fails; account-level blocks land on their gate; transients are retried;
 * the EULA promise holds even where the agreement cannot be read; a cancelled run still publishes; and no
 * text from AWS can act as a workflow command.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { openAccount, type EmulatorState, type Fault } from '../../emulator/state.js'
import { gateOf, runAction, type ActionRun } from './harness.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

const NOVA = 'amazon.nova-lite-v1:0'
const CLAUDE = 'us.anthropic.claude-sonnet-4-6'
const ROLE = { 'role-to-assume': 'arn:aws:iam::111122223333:role/bedrock-ci' }

async function probe(
  inputs: Record<string, string>,
  {
    faults = [],
    state = openAccount(),
    ...options
  }: { faults?: Fault[]; state?: EmulatorState } & Parameters<typeof runAction>[2] = {}
): Promise<ActionRun> {
  state.faults = faults
  emulator = await startEmulator(state)
  return runAction(emulator, { regions: 'us-east-1', ...inputs }, options)
}

function expectUnproven(run: ActionRun, headline: RegExp) {
  expect(run.outputs.result).toBe('inconclusive')
  expect(run.code).toBe(1) // fail-on: error (the default) fails an unproven run
  expect(run.summary).toMatch(new RegExp(`<h2>🟡 ${headline.source}`))
  // The matrix cell says why in a word, never a green mark.
  expect(run.summary).toMatch(/<td>🟡 [a-zA-Z0-9 ]+<\/td>/)
  expect(run.summary).not.toContain('<td>✅')
  expect(run.summary).not.toContain('<td>✅ pass</td></tr>')
  expect(run.stdout).toMatch(/::error::.*nothing was proven|::error::.*not proven/)
}

describe('nothing proven is never a pass', () => {
  it('an endpoint this runner cannot reach: inconclusive, and the headline says so', async () => {
    const run = await probe({ models: NOVA }, { env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:1' } })
    expectUnproven(run, /Could not reach AWS from this runner: nothing was proven/)
    const gate = gateOf(run, NOVA, 'us-east-1', 'credentials')
    expect(gate).toMatchObject({ status: 'warn', cause: 'unreachable' })
    expect(gate.fix).toMatch(/HTTPS_PROXY|VPC endpoint/)
  })

  it('every request hangs: inconclusive, "did not answer in time"', async () => {
    const run = await probe(
      { models: NOVA, 'request-timeout-seconds': '1' },
      { faults: [{ operation: '*', kind: 'hang' }] }
    )
    expectUnproven(run, /AWS did not answer in time: nothing was proven/)
  })

  it("a proxy's HTML block page is not AWS: inconclusive, naming status and content type", async () => {
    const run = await probe({ models: NOVA }, { faults: [{ operation: '*', kind: 'html403' }] })
    expectUnproven(
      run,
      /Something other than AWS answered this runner \(a proxy or firewall\): nothing was proven/
    )
    const gate = gateOf(run, NOVA, 'us-east-1', 'credentials')
    expect(gate).toMatchObject({ status: 'warn', cause: 'not-from-aws' })
    expect(gate.detail).toContain('the answer did not come from AWS (HTTP 403, text/html)')
  })

  it('the GitHub OIDC endpoint answers 500 every time: retried, then inconclusive', async () => {
    const run = await probe(
      { models: NOVA, ...ROLE },
      { oidc: true, faults: [{ operation: 'OidcToken', kind: 'http500' }] }
    )
    expect(emulator!.count('OidcToken')).toBe(5)
    expect(emulator!.count('AssumeRoleWithWebIdentity')).toBe(0)
    expectUnproven(run, /Could not get a GitHub OIDC token: nothing was proven/)
  })

  it('with invoke: false, a pass needs every control-plane gate read open', async () => {
    const open = await probe({ models: NOVA, invoke: 'false' })
    expect(open.outputs.result).toBe('pass')
    await emulator!.close()
    const state = openAccount()
    state.iam.deniedActions = ['bedrock:GetFoundationModelAvailability']
    const unread = await probe({ models: NOVA, invoke: 'false' }, { state })
    expect(unread.outputs.result).toBe('inconclusive')
  })

  it('fail-on: closed keeps the old behaviour: only a closed gate fails the step', async () => {
    const run = await probe(
      { models: NOVA, 'fail-on': 'closed' },
      { env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:1' } }
    )
    expect(run.outputs.result).toBe('inconclusive')
    expect(run.code).toBe(0)
  })
})

describe('transients are retried', () => {
  it('the OIDC token endpoint fails once: retried, and the run passes', async () => {
    const run = await probe(
      { models: NOVA, ...ROLE },
      { oidc: true, faults: [{ operation: 'OidcToken', kind: 'http500', times: 1 }] }
    )
    expect(emulator!.count('OidcToken')).toBe(2)
    expect(run.outputs.result).toBe('pass')
  })

  it("STS cannot reach GitHub's keys once: retried, and the run passes", async () => {
    const run = await probe(
      { models: NOVA, ...ROLE },
      { oidc: true, faults: [{ operation: 'AssumeRoleWithWebIdentity', kind: 'idp-transient', times: 1 }] }
    )
    expect(emulator!.count('AssumeRoleWithWebIdentity')).toBe(2)
    expect(run.outputs.result).toBe('pass')
  })

  it('STS cannot reach GitHub\'s keys on every try: inconclusive, never "create the OIDC provider"', async () => {
    const run = await probe(
      { models: NOVA, ...ROLE },
      { oidc: true, faults: [{ operation: 'AssumeRoleWithWebIdentity', kind: 'idp-transient' }] }
    )
    expect(emulator!.count('AssumeRoleWithWebIdentity')).toBe(3)
    const gate = gateOf(run, NOVA, 'us-east-1', 'credentials')
    expect(gate).toMatchObject({ status: 'warn', cause: 'idp-unreachable' })
    expect(gate.fix).not.toMatch(/Create the IAM OIDC identity provider/)
    expectUnproven(run, /AWS STS could not verify the GitHub OIDC token: nothing was proven/)
  })
})

describe('a refusal always fails, on the gate its fix belongs to', () => {
  it('a refusal nobody catalogued: fail, with the exact exception and message', async () => {
    const run = await probe(
      { models: NOVA },
      {
        faults: [
          {
            operation: 'Converse',
            kind: 'refuse',
            exception: 'ValidationException',
            status: 400,
            message: 'The frobnicator declined this request.'
          }
        ]
      }
    )
    expect(run.outputs.result).toBe('fail')
    expect(run.code).toBe(1)
    const gate = gateOf(run, NOVA, 'us-east-1', 'iam-permission')
    expect(gate).toMatchObject({ status: 'fail', cause: 'unrecognised-refusal' })
    expect(gate.detail).toContain('ValidationException: The frobnicator declined this request.')
    expect(gate.fix).toMatch(/report it/)
  })

  it.each([
    [
      'ValidationException',
      400,
      'Operation not allowed',
      'model-access',
      'account-operation-not-allowed',
      /AWS Support/
    ],
    [
      'AccessDeniedException',
      403,
      'Your account is not authorized to invoke this API operation.',
      'model-access',
      'account-not-authorized',
      /AWS Support/
    ],
    // AWS's table of Bedrock error codes (troubleshooting-api-error-codes): the account-level 403s, by the code's
    // name (an error type the SDK's model does not define) and by its words under an AccessDeniedException.
    ['BadCScoreException', 403, 'Access denied.', 'model-access', 'account-standing', /AWS Support case/],
    [
      'AccessDeniedException',
      403,
      'Your account is not authorized to access this model.',
      'model-access',
      'account-standing',
      /No IAM policy, SCP or agreement opens this/
    ],
    [
      'AccessDeniedException',
      403,
      'AWS Marketplace Agreement Pending after 15 minutes: The AWS Marketplace Agreement has not succeeded and it has been 15 minutes since the request was made.',
      'model-access',
      'marketplace-agreement-stuck',
      /aws bedrock get-foundation-model-availability --model-id anthropic\.claude-sonnet-4-6/
    ],
    [
      'AccessDeniedException',
      403,
      'AWS Marketplace Agreement Failed within 15 minutes: The AWS Marketplace Agreement failed due to an underlying issue.',
      'model-access',
      'marketplace-subscription-failed',
      /the reason AWS gives/
    ],
    [
      'AccessDeniedException',
      403,
      'Model access is denied due to INVALID_PAYMENT_INSTRUMENT: A valid payment instrument must be provided.',
      'model-access',
      'payment-instrument',
      /payment method/
    ],
    [
      'ValidationException',
      400,
      'Access to Anthropic models is not allowed from unsupported countries, regions, or territories. Please refer to https://www.anthropic.com/supported-countries for more information on the countries and regions Anthropic currently supports.',
      'provider-terms',
      'provider-country-unsupported',
      /supported country/
    ],
    [
      'AccessDeniedException',
      403,
      'Authentication failed: Please make sure your API Key is valid.',
      'credentials',
      'bearer-key-invalid',
      /new key/
    ],
    // Claude's data retention modes (data-retention.html; anthropics/claude-code#66594): provider terms, and the
    // fix names the mode in effect and the account setting, never a policy.
    [
      'ValidationException',
      400,
      "data retention mode 'default' is not available for this model",
      'provider-terms',
      'data-retention-mode-refused',
      /\('default'\).*aws bedrock put-account-data-retention --mode provider_data_share --region us-east-1/
    ]
  ] as const)('%s "%s" → %s', async (exception, status, message, gate, cause, fix) => {
    const run = await probe(
      { models: CLAUDE },
      { faults: [{ operation: 'Converse', kind: 'refuse', exception, status, message }] }
    )
    expect(run.outputs.result).toBe('fail')
    const result = gateOf(run, CLAUDE, 'us-east-1', gate)
    expect(result).toMatchObject({ status: 'fail', cause })
    expect(result.fix).toMatch(fix)
    expect(gateOf(run, CLAUDE, 'us-east-1', 'iam-permission').status).not.toBe('fail')
  })

  it.each([
    ['MPAgreementBeingCreated', 'Access denied.'],
    [
      'AccessDeniedException',
      'Your account is not authorized to access this model. Your AWS Marketplace subscription for this model is still being processed.'
    ]
  ])(
    'a Marketplace subscription still being processed (%s): pending on model access, never a pass, never a policy',
    async (exception, message) => {
      const run = await probe(
        { models: CLAUDE },
        { faults: [{ operation: 'Converse', kind: 'refuse', exception, status: 403, message }] }
      )
      expect(run.outputs.result).toBe('inconclusive')
      expect(run.code).toBe(1)
      const gate = gateOf(run, CLAUDE, 'us-east-1', 'model-access')
      expect(gate).toMatchObject({ status: 'skip', cause: 'marketplace-subscription-in-progress' })
      expect(gate.fix).toMatch(/try again after 15 minutes/)
      expect(gateOf(run, CLAUDE, 'us-east-1', 'iam-permission').status).not.toMatch(/pass|fail/)
      // Nothing an Allow could open: no policy and no attach command anywhere the user reads.
      expect(run.summary).not.toMatch(/"Effect": "Allow"|put-role-policy|attach-role-policy/)
      expect(run.summary).toContain('<td>🟡 pending</td>')
      // The first screen says why and what to do: wait, then re-run.
      expect(run.summary).toMatch(
        /<h2>🟡 AWS is still processing the account(&#39;|')s Marketplace subscription: re-run in 15 minutes: nothing was proven/
      )
      expect(run.summary).toMatch(/<b>To get a verdict:<\/b> Nothing to change yet/)
      expect(run.summary).not.toContain('<td>✅')
    }
  )

  it('prompt caching refused (a 403 by report): not an IAM verdict, no policy, inconclusive', async () => {
    const run = await probe(
      { models: CLAUDE },
      {
        faults: [
          {
            operation: 'Converse',
            kind: 'refuse',
            exception: 'AccessDeniedException',
            status: 403,
            message:
              'You invoked an unsupported model, or your request did not allow prompt caching. See the documentation for more information.'
          }
        ]
      }
    )
    expect(run.outputs.result).toBe('inconclusive')
    expect(gateOf(run, CLAUDE, 'us-east-1', 'iam-permission')).toMatchObject({
      status: 'skip',
      cause: 'prompt-caching-refused'
    })
    expect(run.summary).not.toMatch(/"Effect": "Allow"|put-role-policy/)
    expect(run.summary).toContain('<td>🟡 caching</td>')
  })

  it("a refusal of the probe's own request shape is not blamed on the account", async () => {
    const run = await probe(
      { models: NOVA },
      {
        faults: [
          {
            operation: 'Converse',
            kind: 'refuse',
            exception: 'ValidationException',
            status: 400,
            message: "This model doesn't support the temperature field. Remove temperature and try again."
          }
        ]
      }
    )
    expect(gateOf(run, NOVA, 'us-east-1', 'iam-permission')).toMatchObject({
      status: 'skip',
      cause: 'probe-request-rejected'
    })
    expect(run.outputs.result).toBe('inconclusive')
  })

  it('the minimal request carries only maxTokens, no sampling parameter', async () => {
    await probe({ models: NOVA })
    const body = JSON.parse(emulator!.calls.find(call => call.operation === 'Converse')!.body!) as {
      inferenceConfig: Record<string, unknown>
    }
    expect(body.inferenceConfig).toEqual({ maxTokens: 16 })
  })
})

describe('the EULA promise is enforced', () => {
  it('a third-party model whose agreement state cannot be read is not called (ambient credentials)', async () => {
    const state = openAccount()
    state.iam.deniedActions = ['bedrock:GetFoundationModelAvailability']
    const run = await probe({ models: CLAUDE }, { state })
    expect(emulator!.count('Converse')).toBe(0)
    expect(gateOf(run, CLAUDE, 'us-east-1', 'iam-permission')).toMatchObject({
      status: 'skip',
      cause: 'agreement-unreadable'
    })
    expectUnproven(run, /The provider agreement could not be read/)
  })

  it('role-to-assume without create-agreement sends a session policy that denies every account change', async () => {
    const run = await probe({ models: NOVA, ...ROLE }, { oidc: true })
    expect(run.outputs.result).toBe('pass')
    const session = Object.values(emulator!.state.accessKeys).find(key => key.sessionPolicy)!
    const policy = JSON.parse(session.sessionPolicy!) as { Statement: { Effect: string; Action: string[] }[] }
    const deny = policy.Statement.find(statement => statement.Effect === 'Deny')!
    expect(deny.Action).toEqual(
      expect.arrayContaining([
        'aws-marketplace:Subscribe',
        'bedrock:CreateFoundationModelAgreement',
        'bedrock:PutUseCaseForModelAccess'
      ])
    )
    expect(policy.Statement).toContainEqual({
      Sid: 'KeepTheRolePermissions',
      Effect: 'Allow',
      Action: '*',
      Resource: '*'
    })
  })

  it('so with role-to-assume the call may go ahead where the agreement is unreadable, and IAM stops a subscription', async () => {
    const state = openAccount()
    state.iam.deniedActions = ['bedrock:GetFoundationModelAvailability']
    state.iam.marketplace = true // the role itself could subscribe
    delete state.agreements['anthropic.claude-sonnet-4-6']
    const run = await probe({ models: CLAUDE, ...ROLE }, { state, oidc: true })
    expect(emulator!.count('Converse')).toBe(1)
    expect(gateOf(run, CLAUDE, 'us-east-1', 'model-access')).toMatchObject({
      status: 'fail',
      cause: 'marketplace-permissions'
    })
    expect(emulator!.state.agreements['anthropic.claude-sonnet-4-6']).toBeUndefined()
  })

  it('create-agreement sends no session policy (the run was asked to change the account)', async () => {
    await probe({ models: NOVA, ...ROLE, 'create-agreement': 'true' }, { oidc: true })
    expect(Object.values(emulator!.state.accessKeys).some(key => key.sessionPolicy)).toBe(false)
  })
})

describe('cancellation', () => {
  it('SIGINT mid-run: stops, publishes the report and summary with result inconclusive, exits non-zero in time', async () => {
    const run = await probe(
      { models: `${NOVA}, ${CLAUDE}` },
      { faults: [{ operation: 'Converse', kind: 'hang' }], signal: { name: 'SIGINT', afterMs: 2500 } }
    )
    expect(emulator!.count('Converse')).toBeGreaterThan(0) // it was mid-call
    expect(run.exitedAfterSignalMs).toBeLessThan(7000)
    expect(run.code).not.toBe(0)
    expect(run.outputs.result).toBe('inconclusive')
    expect(run.report?.cancelled).toBe(true)
    expect(run.summary).toContain('Cancelled before the probe finished')
    expect(gateOf(run, NOVA, 'us-east-1', 'iam-permission')).toMatchObject({
      status: 'warn',
      cause: 'cancelled'
    })
  })
})

describe('workflow-command safety', () => {
  it('`##[command]` inside an ARN or message from AWS is neutralised in every printed line', async () => {
    const state = openAccount()
    state.accessKeys['AKIAEMULATORAMBIENT1']!.arn =
      'arn:aws:sts::111122223333:assumed-role/##[set-output name=result;]pass/##[error]forged'
    const run = await probe(
      { models: NOVA },
      {
        state,
        faults: [
          {
            operation: 'Converse',
            kind: 'injection',
            message:
              'User: ##[warning]owned is not authorized to perform: bedrock:InvokeModel on resource: x ##[group]y'
          }
        ]
      }
    )
    expect(run.stdout).toContain('##\u200b[')
    for (const line of run.stdout.split('\n')) expect(line).not.toContain('##[')
    expect(run.outputs.result).toBe('fail')
  })
})

describe('GitHub Enterprise and forks', () => {
  it('a pull request from a fork gets no OIDC token: a plain notice and inconclusive, never a closed gate', async () => {
    const eventPath = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
    writeFileSync(
      eventPath,
      JSON.stringify({
        pull_request: {
          number: 7,
          head: { repo: { full_name: 'someone/octo-repo', fork: true } },
          base: { repo: { full_name: 'octo-org/octo-repo' } }
        }
      })
    )
    // A fork's run has no ACTIONS_ID_TOKEN_REQUEST_* variables, whatever the workflow's permissions say.
    const run = await probe(
      { models: NOVA, ...ROLE },
      { env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath } }
    )
    const gate = gateOf(run, NOVA, 'us-east-1', 'credentials')
    expect(gate).toMatchObject({ status: 'warn', cause: 'fork-pull-request' })
    expect(run.stdout).toMatch(/::warning .*comes from a fork/)
    expectUnproven(
      run,
      /This pull request comes from a fork, and GitHub gives forks no OIDC token: nothing was proven/
    )
    expect(emulator!.calls).toEqual([])
  })

  it("a GHE.com token's trust statement names its own issuer", async () => {
    const state = openAccount()
    state.oidc.issuer = 'https://token.actions.octocorp.ghe.com'
    state.oidc.trustedSub = 'repo:octo-org/octo-repo:environment:production'
    const run = await probe({ models: NOVA, ...ROLE }, { state, oidc: true })
    const trust = gateOf(run, NOVA, 'us-east-1', 'credentials').hints?.trustPolicy
    expect(trust?.Principal.Federated).toBe(
      'arn:aws:iam::111122223333:oidc-provider/token.actions.octocorp.ghe.com'
    )
    expect(run.summary).toContain('token.actions.octocorp.ghe.com:sub')
  })
})

describe('one round trip where it is safe, never for a Marketplace model', () => {
  it('calls go out with the reads for models outside Marketplace; a Marketplace model waits for its agreement state', async () => {
    const state = openAccount()
    // Every answer 400 ms away: wide enough that the order holds on a busy 2-core runner (Jest runs 4 workers).
    state.latencyMs = 400
    emulator = await startEmulator(state)
    const run = await runAction(emulator, {
      models:
        'amazon.nova-lite-v1:0, us.anthropic.claude-sonnet-4-6, cohere.embed-english-v3, meta.llama3-1-8b-instruct-v1:0',
      regions: 'us-east-1'
    })
    expect(run.outputs.result).toBe('pass')
    const calls = emulator.calls
    const availability = (base: string) =>
      calls.find(call => call.operation === 'GetFoundationModelAvailability' && call.modelId === base)!
    const invocation = (model: string) =>
      calls.find(call => ['Converse', 'InvokeModel'].includes(call.operation) && call.modelId === model)!
    // Not sold through Marketplace: the call was on its way before the agreement read was answered.
    for (const [model, base] of [
      ['amazon.nova-lite-v1:0', 'amazon.nova-lite-v1:0'],
      ['meta.llama3-1-8b-instruct-v1:0', 'meta.llama3-1-8b-instruct-v1:0']
    ] as const)
      expect(invocation(model).at).toBeLessThan(availability(base).answeredAt!)
    // Marketplace models (Anthropic, Cohere): no call before the agreement state was read.
    for (const [model, base] of [
      ['us.anthropic.claude-sonnet-4-6', 'anthropic.claude-sonnet-4-6'],
      ['cohere.embed-english-v3', 'cohere.embed-english-v3']
    ] as const)
      expect(invocation(model).at).toBeGreaterThanOrEqual(availability(base).answeredAt!)
    // Credentials are off the critical path: the reads went out with GetCallerIdentity, not after its answer.
    const identity = calls.find(call => call.operation === 'GetCallerIdentity')!
    expect(availability('amazon.nova-lite-v1:0').at).toBeLessThan(identity.answeredAt!)
  })
})

describe('a full catalogue', () => {
  it('100 models in one region go out in one wave: requests, not checks, are bounded', async () => {
    const state = openAccount()
    const models = Array.from({ length: 100 }, (_, i) => `amazon.wave-model-${i}-v1:0`)
    for (const id of models) state.models.push({ id, regions: ['us-east-1'] })
    // Long enough that 300 requests are all sent before the first is answered, on a busy runner too.
    state.latencyMs = 600
    emulator = await startEmulator(state)
    const run = await runAction(
      emulator,
      { models: models.join(','), regions: 'us-east-1' },
      { timeoutMs: 60_000 }
    )
    expect(run.outputs.result).toBe('pass')
    // The most requests the emulator held at once: every read and call of the run, not 12 checks' worth.
    const events = emulator.calls.flatMap(call => [
      { at: call.at, change: 1 },
      { at: call.answeredAt!, change: -1 }
    ])
    events.sort((a, b) => a.at - b.at || a.change - b.change)
    let inFlight = 0
    let peak = 0
    for (const event of events) peak = Math.max(peak, (inFlight += event.change))
    expect(peak).toBeGreaterThanOrEqual(250)
  }, 90_000)
})

describe('service-tier: every call asks for the tier the workload asks for', () => {
  it('a tier the model is served in: pass, and the call carried it', async () => {
    const run = await probe({ models: NOVA, 'service-tier': 'flex' })
    expect(run.outputs.result).toBe('pass')
    const converse = emulator!.calls.find(call => call.operation === 'Converse')!
    expect(JSON.parse(converse.body!)).toMatchObject({ serviceTier: { type: 'flex' } })
    expect(run.summary).toMatch(/calls <code>Converse<\/code> in the <code>flex<\/code> service tier/)
  })

  it('reserved without a reservation, on InvokeModel too (the header): capacity fails, the tier named', async () => {
    const run = await probe({ models: NOVA, calls: 'converse, invoke', 'service-tier': 'reserved' })
    expect(run.outputs.result).toBe('fail')
    const capacity = gateOf(run, NOVA, 'us-east-1', 'capacity')
    expect(capacity).toMatchObject({ status: 'fail', cause: 'service-tier-reservation-missing' })
    expect(capacity.detail).toMatch(/no reservation for it: Reservation not found\./)
    expect(capacity.fix).toMatch(/reserved service tier.*AWS account team/)
    expect(run.report!.checks[0]!.calls.map(call => call.result)).toEqual(['refused', 'refused'])
    // InvokeModel carries the tier in its header: refused for the same reason, not for another.
    expect(run.report!.checks[0]!.calls[1]!.detail).toMatch(/Reservation not found/)
    expect(gateOf(run, NOVA, 'us-east-1', 'iam-permission').status).not.toBe('fail')
    expect(run.summary).not.toMatch(/"Effect": "Allow"|put-role-policy/)
  })

  it('a tier the model is not served in: capacity fails with the tier in the fix, never IAM', async () => {
    const run = await probe({ models: CLAUDE, 'service-tier': 'priority' })
    expect(run.outputs.result).toBe('fail')
    const capacity = gateOf(run, CLAUDE, 'us-east-1', 'capacity')
    expect(capacity).toMatchObject({ status: 'fail', cause: 'service-tier-unsupported' })
    expect(capacity.fix).toMatch(/not served in the priority service tier/)
    expect(gateOf(run, CLAUDE, 'us-east-1', 'iam-permission').status).not.toBe('fail')
  })
})

describe('an application inference profile', () => {
  const PROFILE = 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/k7x2fq9e1abc'

  it("one that does not exist (deleted, or another account's): its own fix, never a geography's", async () => {
    const gone = 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/deleted0001'
    const run = await probe({ models: gone })
    expect(run.outputs.result).toBe('fail')
    const region = gateOf(run, gone, 'us-east-1', 'region')
    expect(region).toMatchObject({ status: 'fail', cause: 'application-profile-not-found' })
    expect(region.fix).toContain('list-inference-profiles --type-equals APPLICATION --region us-east-1')
    expect(run.summary).not.toMatch(/geography's source regions/)
    expect(run.summary).not.toMatch(/"Effect": "Allow"/)
  })

  it('IAM that allows the foundation model but not the profile: the statement names both', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = ['arn:aws:bedrock:*::foundation-model/*']
    const run = await probe({ models: PROFILE }, { state })
    expect(run.outputs.result).toBe('fail')
    const iam = gateOf(run, PROFILE, 'us-east-1', 'iam-permission')
    expect(iam.status).toBe('fail')
    expect(iam.detail).toContain(`on resource: ${PROFILE}`)
    const statement = run.report!.checks[0]!.iamStatement!
    expect(statement.Resource).toEqual(
      expect.arrayContaining([PROFILE, 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0'])
    )
  })
})

describe('a geography prefix this release does not list', () => {
  // Hypothetical: AWS adds geographies (jp., au. and ca. came after us., eu. and apac.). A new one must be read as
  // the profile it is, proven by its call, never refused as a model ID or looked up as a base model.
  const PROFILE = 'xy.amazon.nova-lite-v1:0'

  it('is read as an inference profile and proven by its call', async () => {
    const state = openAccount()
    state.profiles.push({
      id: PROFILE,
      regions: ['us-east-1'],
      destinations: ['us-east-1'],
      base: 'amazon.nova-lite-v1:0'
    })
    const run = await probe({ models: PROFILE }, { state })
    expect(run.outputs.result).toBe('pass')
    expect(emulator!.count('GetInferenceProfile')).toBe(1)
    expect(run.report!.checks[0]!.baseModelId).toBe('amazon.nova-lite-v1:0')
  })
})

describe('a model ID Bedrock does not know', () => {
  it("names the closest IDs of the region's catalogue first, and asks for no permission", async () => {
    const typo = 'amazon.nova-lite-v9:0'
    const run = await probe({ models: typo })
    expect(run.outputs.result).toBe('fail')
    const region = gateOf(run, typo, 'us-east-1', 'region')
    expect(region.status).toBe('fail')
    expect(region.fix).toMatch(
      /^amazon\.nova-lite-v9:0 is not in us-east-1's catalogue of models; did you mean `amazon\.nova-lite-v1:0`/
    )
    expect(emulator!.calls.some(call => call.operation === 'ListFoundationModels')).toBe(true)
    expect(run.summary).not.toMatch(/grant bedrock:|"Effect": "Allow"/i)
  })
})
