/**
 * The refusals users quote, end to end: the bundle, run as the runner runs it, against the emulator answering the
 * call with each category's wording, with the control plane both green and unreadable. Each lands on the gate its
 * category names, with its fix in the summary; a policy is printed only where an Allow opens the gate.
 */
import { describe, expect, it } from '@jest/globals'
import { longTermApiKey, openAccount, type EmulatorState, type Fault } from '../../emulator/state.js'
import { emulatorPerTest, gateOf } from './harness.js'

const { probe, emulator } = emulatorPerTest()

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0'
const ACCOUNT = '111122223333'

/**
 * The two control planes: everything readable and open; or nothing readable, for the runtime role of a workload,
 * assumed with GitHub OIDC (its session policy denies subscribing, so the call cannot accept terms and is made).
 */
const CONTROL_PLANES: [string, () => EmulatorState, Record<string, string>][] = [
  ['the control plane reads green', () => openAccount(), {}],
  [
    'the control plane cannot be read',
    () => {
      const state = openAccount()
      state.iam.deniedActions = ['*']
      return state
    },
    { 'role-to-assume': `arn:aws:iam::${ACCOUNT}:role/bedrock-ci` }
  ]
]

const refuse = (exception: string, status: number, message: string): Fault => ({
  operation: 'Converse',
  kind: 'refuse',
  exception,
  status,
  message
})

/** category, the answer, the gate it closes, its cause, what the summary's fix says. */
const CATEGORIES: [string, Fault, string, string, string][] = [
  [
    '1. not offered to the account',
    refuse(
      'AccessDeniedException',
      403,
      `${HAIKU} is not available for this account. You can explore other available models on Amazon Bedrock. For additional access options, contact AWS Sales at https://aws.amazon.com/contact-us/sales-support/`
    ),
    'model-access',
    'model-not-offered-to-account',
    'aws.amazon.com/contact-us/sales-support'
  ],
  [
    '1. an account still being verified',
    refuse('AccessDeniedException', 403, 'Your account is currently being verified.'),
    'model-access',
    'account-being-verified',
    'AWS verifies new accounts'
  ],
  [
    '1. the automatic Marketplace subscription failed, for a reason no row names',
    refuse(
      'AccessDeniedException',
      403,
      'Model access is denied due to SUBSCRIPTION_BLOCKED: the product is not approved in this account. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 15 minutes.'
    ),
    'model-access',
    'marketplace-subscription-failed',
    'for the reason AWS gives in the message'
  ],
  [
    '2. no agreement, in words',
    refuse('AccessDeniedException', 403, 'Your account does not have an agreement to this model.'),
    'provider-terms',
    'agreement-missing',
    'create-agreement: true'
  ],
  [
    '3. the use-case form inside a ValidationException',
    refuse(
      'ValidationException',
      400,
      'The model returned the following errors: You have not filled out the required use-case form for this model. Complete the form at https://us-east-1.console.aws.amazon.com/bedrock/ before requesting access.'
    ),
    'provider-terms',
    'use-case-missing',
    'use-case-form'
  ],
  [
    '4. no Authorization header',
    refuse('AccessDeniedException', 403, 'Authorization header is missing'),
    'credentials',
    'request-unsigned',
    'credentials reach this step'
  ],
  [
    '4. an incomplete signature',
    refuse(
      'IncompleteSignatureException',
      403,
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
    ),
    'credentials',
    'request-unsigned',
    'X-Amz-* headers unchanged'
  ],
  [
    '4. a signature that does not match',
    refuse(
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.'
    ),
    'credentials',
    'credentials-bad-signature',
    'a proxy or gateway rewriting'
  ],
  [
    "5. an ID Bedrock's grammar rejects (were AWS's grammar stricter than the probe's copy)",
    refuse(
      'ValidationException',
      400,
      `1 validation error detected: Value '${HAIKU}' at 'modelId' failed to satisfy constraint: Member must satisfy regular expression pattern: (([0-9a-zA-Z][_-]?)+)`
    ),
    'region',
    'model-id-malformed',
    `Bedrock refused "${HAIKU}" before looking it up`
  ]
]

describe.each(CONTROL_PLANES)('when %s', (_state, state, role) => {
  /** The probe as this control plane's identity runs it. */
  const probeAs = (account: EmulatorState, inputs: Record<string, string>) =>
    probe(account, { ...inputs, ...role }, { oidc: 'role-to-assume' in role })

  it.each(CATEGORIES)(
    '%s: closes its own gate with its fix, and prints no policy',
    async (_what, fault, gate, cause, fix) => {
      const account = state()
      account.faults.push(fault)
      const run = await probeAs(account, { models: HAIKU, regions: 'us-east-1' })
      expect(run.outputs.result).toBe('fail')
      expect(run.code).toBe(1)
      expect(gateOf(run, HAIKU, 'us-east-1', gate as 'region')).toMatchObject({ status: 'fail', cause })
      const closed = Object.entries(run.report!.checks[0]!.gates).filter(
        ([, result]) => result.status === 'fail'
      )
      expect(closed.map(([name]) => name)).toEqual([gate])
      expect(gateOf(run, HAIKU, 'us-east-1', gate as 'region').fix).toContain(fix)
      expect(run.summary).toContain(fix.replaceAll('"', '&quot;'))
      // No Allow opens any of these: no policy, no attach command.
      expect(run.outputs['iam-policy']).toBe('')
      expect(run.summary).not.toContain('put-role-policy')
    }
  )

  it.each([
    ['ModelErrorException', 424, 'The model failed to process the request.'],
    ['ModelNotReadyException', 429, 'Model is not ready for inference. Wait and try your request again.']
  ])(
    '6. %s: no gate closed, never a pass, and the next step is to re-run',
    async (exception, status, message) => {
      const account = state()
      account.faults.push(refuse(exception, status, message))
      const run = await probeAs(account, { models: HAIKU, regions: 'us-east-1' })
      expect(run.outputs.result).toBe('inconclusive')
      const iam = gateOf(run, HAIKU, 'us-east-1', 'iam-permission')
      expect(iam).toMatchObject({ status: 'warn', cause: 'model-not-serving' })
      expect(iam.detail).toContain(exception)
      expect(Object.values(run.report!.checks[0]!.gates).some(result => result.status === 'fail')).toBe(false)
      // The request got through every gate before IAM: the model failed after authorization.
      for (const before of ['region', 'model-access', 'provider-terms'] as const)
        expect(gateOf(run, HAIKU, 'us-east-1', before).status).toBe('pass')
      expect(run.summary).toContain('the model (or imported model) is not serving')
      expect(run.outputs['iam-policy']).toBe('')
    }
  )

  it('6. ModelStreamErrorException inside the stream: the same rule', async () => {
    const account = state()
    account.streamBreak = {
      exception: 'modelStreamErrorException',
      message: 'An error occurred while streaming the response. Retry your request.'
    }
    const run = await probeAs(account, {
      models: 'us.anthropic.claude-sonnet-4-6',
      regions: 'us-east-1',
      calls: 'converse-stream'
    })
    expect(run.outputs.result).toBe('inconclusive')
    const iam = gateOf(run, 'us.anthropic.claude-sonnet-4-6', 'us-east-1', 'iam-permission')
    expect(iam).toMatchObject({ status: 'warn', cause: 'model-not-serving' })
    expect(iam.detail).toContain('ModelStreamErrorException')
  })

  it('7. a key whose principal lacks bedrock:CallWithBearerToken: IAM permission, fixed by the statement', async () => {
    const key = longTermApiKey(ACCOUNT)
    const account = state()
    account.apiKeys[key] = {
      arn: `arn:aws:iam::${ACCOUNT}:user/BedrockAPIKey-emul`,
      callWithBearerToken: 'no-allow'
    }
    const run = await probe(
      account,
      { models: HAIKU, regions: 'us-east-1' },
      { env: { AWS_BEARER_TOKEN_BEDROCK: key } }
    )
    expect(run.outputs.result).toBe('fail')
    expect(gateOf(run, HAIKU, 'us-east-1', 'iam-permission')).toMatchObject({
      status: 'fail',
      cause: 'bearer-not-permitted'
    })
    expect(gateOf(run, HAIKU, 'us-east-1', 'credentials').status).toBe('pass')
    expect(JSON.parse(run.outputs['iam-policy']!).Statement[0].Action).toEqual([
      'bedrock:CallWithBearerToken'
    ])
    expect(run.summary).toContain('aws iam put-user-policy --user-name BedrockAPIKey-emul')
  })
})

describe('the call wins over a green control plane', () => {
  it('the use-case form on file by the control plane, refused by the call: provider terms closes', async () => {
    const account = openAccount()
    expect(account.useCaseOnFile).toBe(true)
    account.faults.push(
      refuse(
        'ValidationException',
        400,
        'The model returned the following errors: You have not filled out the required use-case form for this model.'
      )
    )
    const run = await probe(account, { models: HAIKU, regions: 'us-east-1' })
    expect(gateOf(run, HAIKU, 'us-east-1', 'provider-terms')).toMatchObject({
      status: 'fail',
      cause: 'use-case-missing'
    })
    expect(gateOf(run, HAIKU, 'us-east-1', 'iam-permission')).toMatchObject({
      status: 'skip',
      cause: 'refused-earlier'
    })
  })
})

describe("5. an ID outside Bedrock's grammar is refused as input, before any AWS call", () => {
  it('a foundation-model ARN with a second version suffix: the error names the input and the ID to use', async () => {
    const arn = 'arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0:28k'
    const run = await probe(openAccount(), { models: arn })
    expect(run.code).toBe(1)
    expect(emulator().calls).toHaveLength(0)
    expect(run.stdout).toMatch(/::error[^:]*::.*models/)
    expect(run.stdout).toContain('is not an identifier Bedrock accepts')
    expect(run.stdout).toContain(
      'Call the model by its ID instead of the ARN: anthropic.claude-3-sonnet-20240229-v1:0:28k'
    )
  })

  it('an underscore, which no Bedrock model ID has', async () => {
    const run = await probe(openAccount(), { models: 'anthropic.claude_3_haiku', regions: 'us-east-1' })
    expect(run.code).toBe(1)
    expect(emulator().calls).toHaveLength(0)
    expect(run.stdout).toContain('is not an identifier Bedrock accepts')
  })
})
