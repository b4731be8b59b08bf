/**
 * The refusals users quote, decided through every gate (pure: no AWS, no emulator): each lands on the gate its
 * category names, with that cause's fix, whether the control plane read green or could not be read at all; no
 * refusal that a policy cannot fix carries a policy statement; a model that fails after authorization closes
 * nothing and proves nothing.
 */
import { describe, expect, it } from '@jest/globals'
import {
  ModelErrorException,
  ModelNotReadyException,
  ModelStreamErrorException
} from '@aws-sdk/client-bedrock-runtime'
import { available, denied, evidence, judge, refused, fixIn } from '../../../__fixtures__/evidence.js'
import type { GateName } from '../../../src/causes/index.js'
import { describeAwsError } from '../../../src/aws/failure.js'
import type { CallOutcome, Evidence } from '../../../src/evidence.js'
import { decideCredentials } from '../../../src/gates/credentials.js'
import { overallResult } from '../../../src/gates/sequence.js'

/** Both states of the control plane each category is decided under. */
const CONTROL_PLANES: [string, Evidence][] = [
  ['the control plane reads green', evidence()],
  [
    'the control plane cannot be read',
    evidence({
      availability: denied('bedrock:GetFoundationModelAvailability'),
      details: denied('bedrock:GetFoundationModel')
    })
  ]
]

interface Category {
  what: string
  refusal: CallOutcome
  gate: GateName
  cause: string
  /** What the fix must say. */
  fix: RegExp
}

const CATEGORIES: Category[] = [
  {
    what: '1. the account may not use the model',
    refusal: refused(
      'AccessDeniedException',
      'anthropic.claude-opus-4-7 is not available for this account. You can explore other available models on Amazon Bedrock. For additional access options, contact AWS Sales at https://aws.amazon.com/contact-us/sales-support/'
    ),
    gate: 'model-access',
    cause: 'model-not-offered-to-account',
    fix: /AWS Sales/
  },
  {
    what: '1. a new account held for verification',
    refusal: refused('AccessDeniedException', 'Your account is currently being verified.'),
    gate: 'model-access',
    cause: 'account-being-verified',
    fix: /^Wait/
  },
  {
    what: '2. no agreement, in words',
    refusal: refused('AccessDeniedException', 'Your account does not have an agreement to this model.'),
    gate: 'provider-terms',
    cause: 'agreement-missing',
    fix: /create-agreement: true/
  },
  {
    what: '3. the use-case form inside a ValidationException',
    refusal: refused(
      'ValidationException',
      'The model returned the following errors: You have not filled out the required use-case form for this model. Complete the form at https://us-east-1.console.aws.amazon.com/bedrock/ before requesting access.'
    ),
    gate: 'provider-terms',
    cause: 'use-case-missing',
    fix: /use-case-form/
  },
  {
    what: '4. an unsigned request',
    refusal: refused('AccessDeniedException', 'Authorization header is missing'),
    gate: 'credentials',
    cause: 'request-unsigned',
    fix: /Not an IAM problem/
  },
  {
    what: '4. an incomplete signature',
    refusal: refused(
      'IncompleteSignatureException',
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter."
    ),
    gate: 'credentials',
    cause: 'request-unsigned',
    fix: /Not an IAM problem/
  },
  {
    what: '4. a signature that does not match',
    refusal: refused(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.'
    ),
    gate: 'credentials',
    cause: 'credentials-bad-signature',
    fix: /a proxy or gateway rewriting/
  },
  {
    what: "5. an ID Bedrock's grammar rejects",
    refusal: refused(
      'ValidationException',
      "1 validation error detected: Value 'anthropic.claude-3-haiku-20240307-v1:0:200k' at 'modelId' failed to satisfy constraint: Member must satisfy regular expression pattern: (([0-9a-zA-Z][_-]?)+)"
    ),
    gate: 'region',
    cause: 'model-id-malformed',
    fix: /"anthropic\.claude-3-haiku-20240307-v1:0:200k"/
  },
  {
    what: "7. an API key's principal without bedrock:CallWithBearerToken",
    refusal: refused(
      'AccessDeniedException',
      'User: arn:aws:iam::111122223333:user/BedrockAPIKey-abcd is not authorized to perform: bedrock:CallWithBearerToken on resource: * because no identity-based policy allows the bedrock:CallWithBearerToken action'
    ),
    gate: 'iam-permission',
    cause: 'bearer-not-permitted',
    fix: /Allow bedrock:CallWithBearerToken/
  },
  {
    what: '7. API keys denied by an SCP',
    refusal: refused(
      'AccessDeniedException',
      'User: arn:aws:iam::111122223333:user/BedrockAPIKey-abcd is not authorized to perform: bedrock:CallWithBearerToken on resource: * with an explicit deny in a service control policy'
    ),
    gate: 'iam-permission',
    cause: 'bearer-denied-scp',
    fix: /no IAM policy overrides an SCP/
  }
]

describe.each(CONTROL_PLANES)('when %s', (_state, e) => {
  it.each(CATEGORIES.map(category => [category.what, category] as const))(
    '%s closes its own gate, with its fix',
    (_what, category) => {
      const { gates, iamStatement } = judge(e, category.refusal)
      expect(gates[category.gate]).toMatchObject({ status: 'fail', cause: category.cause })
      expect(fixIn(gates[category.gate])).toMatch(category.fix)
      expect(overallResult(gates)).toBe('fail')
      // One root cause: no other gate is closed by the same refusal.
      const closed = Object.entries(gates).filter(([, gate]) => gate.status === 'fail')
      expect(closed.map(([name]) => name)).toEqual([category.gate])
      // A policy only where an Allow opens the gate: the API key's action.
      if (category.cause === 'bearer-not-permitted')
        expect(iamStatement).toEqual({
          Sid: 'CallWithBearerToken',
          Effect: 'Allow',
          Action: ['bedrock:CallWithBearerToken'],
          Resource: ['*']
        })
      else expect(iamStatement).toBeUndefined()
    }
  )

  it.each([
    [
      'ModelNotReadyException',
      new ModelNotReadyException({
        message: 'Model is not ready for inference. Wait and try your request again.',
        $metadata: { httpStatusCode: 429 }
      })
    ],
    [
      'ModelErrorException',
      new ModelErrorException({
        message: 'The model failed to process the request.',
        $metadata: { httpStatusCode: 424 }
      })
    ],
    [
      'ModelStreamErrorException',
      new ModelStreamErrorException({
        message: 'An error occurred while streaming the response. Retry your request.',
        $metadata: {}
      })
    ]
  ])('6. %s after authorization: no gate closed, never a pass', (name, error) => {
    const { gates, iamStatement } = judge(e, {
      state: 'failed',
      call: 'converse',
      failure: describeAwsError(error)
    })
    expect(gates['iam-permission']).toMatchObject({ status: 'warn', cause: 'model-not-serving' })
    expect(gates['iam-permission'].detail).toContain(name)
    expect(fixIn(gates['iam-permission'])).toMatch(/the model \(or imported model\) is not serving/)
    expect(Object.values(gates).some(gate => gate.status === 'fail')).toBe(false)
    // The request got through every gate before IAM, whether or not they could be read.
    for (const gate of ['region', 'model-access', 'provider-terms'] as const)
      expect(gates[gate].status).toBe('pass')
    expect(gates.capacity.status).not.toBe('fail')
    expect(overallResult(gates)).toBe('inconclusive')
    expect(iamStatement).toBeUndefined()
  })
})

describe('the call wins over a green control plane', () => {
  it('the form refused in the call closes provider terms although the control plane read it on file', () => {
    const { gates } = judge(
      evidence({ availability: available({ agreement: 'live', authorized: true }) }),
      refused(
        'ValidationException',
        'The model returned the following errors: You have not filled out the required use-case form for this model.'
      )
    )
    expect(gates['provider-terms']).toMatchObject({ status: 'fail', cause: 'use-case-missing' })
    expect(gates['iam-permission']).toMatchObject({ status: 'skip', cause: 'refused-earlier' })
  })
})

describe('a refusal no Allow fixes prints no policy', () => {
  it.each([
    [
      'an explicit Deny',
      'User: arn:aws:sts::111122223333:assumed-role/r/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0 with an explicit deny in an identity-based policy',
      'iam-explicit-deny'
    ],
    ['an access denial in words the probe cannot name', 'Access denied', 'unrecognised-refusal']
  ])('%s', (_what, message, cause) => {
    const { gates, iamStatement } = judge(evidence(), refused('AccessDeniedException', message))
    expect(gates['iam-permission']).toMatchObject({ status: 'fail', cause })
    expect(iamStatement).toBeUndefined()
  })

  it('a missing Allow still gets the least-privilege statement', () => {
    const { iamStatement } = judge(
      evidence(),
      refused(
        'AccessDeniedException',
        'User: arn:aws:sts::111122223333:assumed-role/r/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0 because no identity-based policy allows the bedrock:InvokeModel action'
      )
    )
    expect(iamStatement?.Action).toEqual(['bedrock:InvokeModel'])
  })
})

describe('an API key refused at a later gate is a key Bedrock recognised', () => {
  it('the credentials gate passes when the key was refused an action, not refused itself', () => {
    const key = decideCredentials(
      {
        state: 'api-key',
        key: { kind: 'long-term', keyName: 'BedrockAPIKey-abcd', account: '111122223333' }
      },
      { now: new Date('2026-11-22T00:00:00Z') }
    )
    expect(key.gate.cause).toBe('api-key-unproven')
    const { gates } = judge(
      evidence(),
      refused(
        'AccessDeniedException',
        'User: arn:aws:iam::111122223333:user/BedrockAPIKey-abcd is not authorized to perform: bedrock:CallWithBearerToken on resource: *'
      ),
      key.gate
    )
    expect(gates.credentials.status).toBe('pass')
    expect(gates.credentials.detail).toContain('Bedrock recognised it')
    expect(gates['iam-permission'].cause).toBe('bearer-not-permitted')
  })
})
