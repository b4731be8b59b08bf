import { describe, expect, it } from '@jest/globals'
import { fixFor } from '../../src/causes/index.js'
import { CATALOGUE, diagnose } from '../../src/diagnosis/catalogue.js'
import type { AwsFailure } from '../../src/evidence.js'

const service = (name: string, message: string): AwsFailure => ({ kind: 'service', name, message })

/** The verbatim messages of ../shared/BEDROCK.md ("Errors seen in the wild") and the seeds, with the row each must hit. */
const REAL_MESSAGES: [string, string, string, string][] = [
  [
    'AccessDeniedException',
    'User: arn:aws:sts::123456789012:assumed-role/bedrock-ci/gh is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-sonnet-4-6 because no identity-based policy allows the bedrock:InvokeModel action',
    'iam-no-allow',
    'iam-permission'
  ],
  [
    'AccessDeniedException',
    'User: arn:aws:sts::123456789012:assumed-role/r/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0 because no session policy allows the bedrock:InvokeModel action',
    'iam-no-allow',
    'iam-permission'
  ],
  [
    'AccessDeniedException',
    'User: arn:aws:sts::123456789012:assumed-role/r/s is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:eu-west-3::foundation-model/anthropic.claude-sonnet-4-6 with an explicit deny in a service control policy',
    'iam-scp-deny',
    'iam-permission'
  ],
  [
    'AccessDeniedException',
    'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/x.y with an explicit deny in an identity-based policy',
    'iam-explicit-deny',
    'iam-permission'
  ],
  [
    'AccessDeniedException',
    'Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model. Refer to the Amazon Bedrock User Guide for further details. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 2 minutes.',
    'marketplace-permissions',
    'model-access'
  ],
  [
    'AccessDeniedException',
    'Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model. If you recently fixed this issue, try again after 15 minutes.',
    'marketplace-permissions',
    'model-access'
  ],
  [
    'AccessDeniedException',
    'Model access is denied due to example-IAM-ARN is not authorized to perform: aws-marketplace:Subscribe on resource: * because no identity-based policy allows the action.',
    'marketplace-permissions',
    'model-access'
  ],
  [
    'AccessDeniedException',
    'User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: aws-marketplace:Subscribe on resource: * because no identity-based policy allows the aws-marketplace:Subscribe action',
    'marketplace-permissions',
    'model-access'
  ],
  [
    'AccessDeniedException',
    "You don't have access to the model with the specified model ID.",
    'no-model-access',
    'model-access'
  ],
  [
    'ResourceNotFoundException',
    'Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model. If you have already filled out the form, try again in 15 minutes.',
    'use-case-missing',
    'provider-terms'
  ],
  [
    'ValidationException',
    'Invocation of model ID anthropic.claude-3-7-sonnet-20250219-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
    'on-demand-unsupported',
    'region'
  ],
  [
    'ValidationException',
    "Invocation of model ID anthropic.claude-3-7-sonnet-20250219-v1:0 with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.",
    'on-demand-unsupported',
    'region'
  ],
  [
    'ValidationException',
    "The provided model doesn't support on-demand throughput.",
    'on-demand-unsupported',
    'region'
  ],
  ['ValidationException', 'The provided model identifier is invalid.', 'invalid-model-id', 'region'],
  [
    'InvalidSignatureException',
    'Credential should be scoped to a valid region.',
    'region-signature-scope',
    'region'
  ],
  [
    'AccessDeniedException',
    'Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 30 days. Please upgrade to an active model on Amazon Bedrock',
    'model-legacy-inactive',
    'model-access'
  ],
  [
    'ResourceNotFoundException',
    'Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock',
    'model-legacy-inactive',
    'model-access'
  ],
  [
    'ResourceNotFoundException',
    'This model version has reached the end of its life. Please refer to the AWS documentation for more details.',
    'model-end-of-life',
    'model-access'
  ],
  [
    'ExpiredTokenException',
    'The security token included in the request is expired',
    'credentials-expired',
    'credentials'
  ],
  [
    'ExpiredToken',
    'The security token included in the request is expired',
    'credentials-expired',
    'credentials'
  ],
  [
    'UnrecognizedClientException',
    'The security token included in the request is invalid.',
    'credentials-invalid',
    'credentials'
  ],
  [
    'InvalidClientTokenId',
    'The security token included in the request is invalid.',
    'credentials-invalid',
    'credentials'
  ],
  [
    'AccessDenied',
    'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    'oidc-trust-policy',
    'credentials'
  ],
  [
    'ValidationException',
    "This action doesn't support the model that you provided. Try again with a supported text or chat model.",
    'not-text-model',
    'iam-permission'
  ],
  [
    'CredentialsProviderError',
    'Could not load credentials from any providers',
    'credentials-missing',
    'credentials'
  ],
  // Account-level blocks and provider refusals, as users reported them (each row's `sources`).
  // AWS's table of Bedrock error codes: each account-level 403 by its code's name and by its words.
  ['MPAgreementBeingCreated', 'Access denied.', 'marketplace-subscription-in-progress', 'model-access'],
  [
    'AccessDeniedException',
    'Your account is not authorized to access this model. Your AWS Marketplace subscription for this model is still being processed.',
    'marketplace-subscription-in-progress',
    'model-access'
  ],
  [
    'AccessDeniedException',
    'Your account is not authorized to access this model because your AWS Marketplace subscription for the model is still being processed.',
    'marketplace-subscription-in-progress',
    'model-access'
  ],
  [
    'AccessDeniedException',
    'The AWS Marketplace agreement for this model is being created. Try again later.',
    'marketplace-subscription-in-progress',
    'model-access'
  ],
  [
    'AccessDeniedException',
    'AWS Marketplace Agreement Pending after 15 minutes: The AWS Marketplace Agreement has not succeeded and it has been 15 minutes since the request was made.',
    'marketplace-agreement-stuck',
    'model-access'
  ],
  [
    'AccessDeniedException',
    'AWS Marketplace Agreement Failed within 15 minutes: The AWS Marketplace Agreement failed due to an underlying issue.',
    'marketplace-subscription-failed',
    'model-access'
  ],
  ['BadCScoreException', 'Access denied.', 'account-standing', 'model-access'],
  // Claude's data retention modes (data-retention.html): the mode in effect, named by Bedrock.
  [
    'ValidationException',
    "data retention mode 'default' is not available for this model",
    'data-retention-mode-refused',
    'provider-terms'
  ],
  [
    'ValidationException',
    "data retention mode 'none' is not available for this model",
    'data-retention-mode-refused',
    'provider-terms'
  ],
  // Service tiers: the reserved tier without a reservation, and a tier the model is not served in.
  ['ValidationException', 'Reservation not found.', 'service-tier-reservation-missing', 'capacity'],
  ['ValidationException', 'service tier provided is invalid', 'service-tier-unsupported', 'capacity'],
  // Prompt caching, a 400 or a 403 by report; never IAM.
  [
    'ValidationException',
    'You invoked an unsupported model or your request did not allow prompt caching. See the documentation for more information.',
    'prompt-caching-refused',
    'iam-permission'
  ],
  [
    'AccessDeniedException',
    'You invoked an unsupported model, or your request did not allow prompt caching. See the documentation for more information.',
    'prompt-caching-refused',
    'iam-permission'
  ],
  [
    'AccessDeniedException',
    'Your account is not authorized to access this model.',
    'account-standing',
    'model-access'
  ],
  [
    'ValidationException',
    'The AWS account is not authorized to use this model.',
    'account-standing',
    'model-access'
  ],
  ['ValidationException', 'Operation not allowed', 'account-operation-not-allowed', 'model-access'],
  [
    'AccessDeniedException',
    'Your account is not authorized to invoke this API operation.',
    'account-not-authorized',
    'model-access'
  ],
  [
    'ValidationException',
    'Your account is not authorized to invoke this API operation.',
    'account-not-authorized',
    'model-access'
  ],
  [
    // The report (the row's source) quotes only the code INVALID_PAYMENT_INSTRUMENT inside the message.
    'AccessDeniedException',
    'Model access is denied due to INVALID_PAYMENT_INSTRUMENT: A valid payment instrument must be provided.',
    'payment-instrument',
    'model-access'
  ],
  [
    'ValidationException',
    'Access to Anthropic models is not allowed from unsupported countries, regions, or territories. Please refer to https://www.anthropic.com/supported-countries for more information on the countries and regions Anthropic currently supports.',
    'provider-country-unsupported',
    'provider-terms'
  ],
  [
    'AccessDeniedException',
    'Authentication failed: Please make sure your API Key is valid.',
    'bearer-key-invalid',
    'credentials'
  ],
  [
    'ValidationException',
    "This model doesn't support the temperature field. Remove temperature and try again.",
    'probe-request-rejected',
    'iam-permission'
  ],
  [
    'ValidationException',
    'temperature and top_p cannot both be specified for this model.',
    'probe-request-rejected',
    'iam-permission'
  ]
]

/**
 * The refusals users quoted that used to land on the wrong gate, by category (the diagnosis issue's third pass):
 * each wording as reported (the rows' `sources`), the cause it names and that cause's gate.
 */
const REFUSALS_USERS_QUOTED: [string, string, string, string, string][] = [
  // 1. The account may not use this model at all: model access, never a policy.
  [
    'not offered to the account',
    'AccessDeniedException',
    'anthropic.claude-opus-4-7 is not available for this account. You can explore other available models on Amazon Bedrock. For additional access options, contact AWS Sales at https://aws.amazon.com/contact-us/sales-support/',
    'model-not-offered-to-account',
    'model-access'
  ],
  [
    'not offered to the account (as a ValidationException)',
    'ValidationException',
    'anthropic.claude-opus-4-7 is not available for this account. You can explore other available models on Amazon Bedrock.',
    'model-not-offered-to-account',
    'model-access'
  ],
  [
    'a new account on hold',
    'AccessDeniedException',
    'Your account is currently being verified. Please try again once verification is complete.',
    'account-being-verified',
    'model-access'
  ],
  // 2. No agreement, in words: provider terms, the agreement fix.
  [
    'no agreement',
    'AccessDeniedException',
    'Your account does not have an agreement to this model.',
    'agreement-missing',
    'provider-terms'
  ],
  [
    'GovCloud takes its terms from its standard account',
    'ValidationException',
    'The GovCloud account 123456789012 cannot perform this operation. You must use your associated standard AWS account to establish a model access agreement or view the EULA in either us-east-1 or us-west-2 regions',
    'govcloud-terms-elsewhere',
    'provider-terms'
  ],
  // 3. The use-case form inside a ValidationException.
  [
    'the use-case form, in the model’s words',
    'ValidationException',
    'The model returned the following errors: You have not filled out the required use-case form for this model. Complete the form at https://us-east-1.console.aws.amazon.com/bedrock/ before requesting access.',
    'use-case-missing',
    'provider-terms'
  ],
  // 4. Unsigned, half-signed or mis-signed requests: credentials, never a policy.
  [
    'no Authorization header',
    'AccessDeniedException',
    'Authorization header is missing',
    'request-unsigned',
    'credentials'
  ],
  [
    'an Authorization header that is not SigV4',
    'IncompleteSignatureException',
    "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    'request-unsigned',
    'credentials'
  ],
  [
    'no authentication token',
    'MissingAuthenticationTokenException',
    'Missing Authentication Token',
    'request-unsigned',
    'credentials'
  ],
  [
    'a signature AWS computes differently',
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    'credentials-bad-signature',
    'credentials'
  ],
  [
    'a signature AWS computes differently (Bedrock’s exception)',
    'InvalidSignatureException',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    'credentials-bad-signature',
    'credentials'
  ],
  [
    'a signature AWS computes differently (as an access denial)',
    'AccessDeniedException',
    'The request signature we calculated does not match the signature you provided.',
    'credentials-bad-signature',
    'credentials'
  ],
  [
    'a clock behind AWS',
    'InvalidSignatureException',
    'Signature expired: 20240325T143453Z is now earlier than 20240325T143751Z (20240325T145251Z - 5 min.)',
    'clock-skewed',
    'credentials'
  ],
  [
    'a clock ahead of AWS',
    'InvalidSignatureException',
    'Signature not yet current: 20190305T002809Z is still later than 20190304T214315Z (20190304T212815Z + 5 min.)',
    'clock-skewed',
    'credentials'
  ],
  [
    'STS names a region no one signs for',
    'SignatureDoesNotMatch',
    "Credential should be scoped to a valid region, not 'us-esat-1'.",
    'region-signature-scope',
    'region'
  ],
  // 5. A model ID Bedrock's grammar rejects: the region gate ("not offered as named here").
  [
    'a model ID outside Bedrock’s grammar',
    'ValidationException',
    "1 validation error detected: Value 'anthropic.claude-3-haiku-20240307-v1:0:200k' at 'modelId' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}/[a-z0-9]{12})))|(([0-9a-zA-Z][_-]?)+)",
    'model-id-malformed',
    'region'
  ],
  // 7. A key's principal without bedrock:CallWithBearerToken: the IAM-permission gate, fixed by a statement.
  [
    'an API key whose principal may not use keys',
    'AccessDeniedException',
    'User: arn:aws:iam::111122223333:user/BedrockAPIKey-abcd is not authorized to perform: bedrock:CallWithBearerToken on resource: * because no identity-based policy allows the bedrock:CallWithBearerToken action',
    'bearer-not-permitted',
    'iam-permission'
  ],
  [
    'API keys denied by an SCP',
    'AccessDeniedException',
    'User: arn:aws:iam::111122223333:user/BedrockAPIKey-abcd is not authorized to perform: bedrock:CallWithBearerToken on resource: * with an explicit deny in a service control policy',
    'bearer-denied-scp',
    'iam-permission'
  ],
  [
    'a value that is not an API key',
    'AccessDeniedException',
    'Invalid API Key format: Must start with pre-defined prefix',
    'bearer-key-invalid',
    'credentials'
  ]
]

describe("STS's refusals of the OIDC provider and the session", () => {
  it.each([
    ['InvalidIdentityToken', 'Incorrect token audience', 'oidc-audience-mismatch'],
    [
      'InvalidIdentityToken',
      "OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint",
      'oidc-thumbprint-mismatch'
    ],
    [
      'InvalidIdentityToken',
      'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
      'oidc-invalid-token'
    ],
    [
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      'role-duration-too-long'
    ],
    // Any other word on the token is STS's own, never read as a missing provider.
    ['InvalidIdentityToken', 'The web identity token is not a valid JWT.', 'oidc-token-rejected'],
    [
      'RegionDisabledException',
      'STS is not activated in this region for account:123456789012. Your account administrator can activate STS in this region using the IAM Console.',
      'sts-region-disabled'
    ]
  ])('%s "%s" → %s, on the credentials gate', (name, message, id) => {
    const diagnosis = diagnose(service(name, message))
    expect(diagnosis?.entry.id).toBe(id)
    expect(diagnosis?.gate).toBe('credentials')
  })
})

describe('refusals users quoted, by category', () => {
  it.each(REFUSALS_USERS_QUOTED)('%s: %s → %s', (_what, name, message, id, gate) => {
    const diagnosis = diagnose(service(name, message))
    expect(diagnosis?.entry.id).toBe(id)
    expect(diagnosis?.gate).toBe(gate)
  })

  it('the value Bedrock refused is the ID its fix names', () => {
    const [, name, message] = REFUSALS_USERS_QUOTED.find(row => row[3] === 'model-id-malformed')!
    const diagnosis = diagnose(service(name, message))!
    expect(
      fixFor(diagnosis.entry.id, { model: 'x', region: 'us-east-1', groups: diagnosis.groups })
    ).toContain('"anthropic.claude-3-haiku-20240307-v1:0:200k"')
  })

  it('says where each new wording was seen, or why the row names its gate', () => {
    for (const [, name, message] of REFUSALS_USERS_QUOTED) {
      const { entry } = diagnose(service(name, message))!
      if (entry.pattern.source === '.') continue // an exception name's catch-all, not a wording
      expect((entry.sources?.length ?? 0) + (entry.note ? 1 : 0)).toBeGreaterThan(0)
    }
  })
})

describe('error catalogue', () => {
  it.each(REAL_MESSAGES)('%s "%s" → %s', (name, message, id, gate) => {
    const diagnosis = diagnose(service(name, message))
    expect(diagnosis?.entry.id).toBe(id)
    expect(diagnosis?.gate).toBe(gate)
  })

  it('cites where the wording of every account-level, provider and request row was seen', () => {
    const cited = CATALOGUE.filter(entry =>
      [
        'payment-instrument',
        'account-not-authorized',
        'account-operation-not-allowed',
        'marketplace-subscription-in-progress',
        'marketplace-agreement-stuck',
        'account-standing',
        'provider-country-unsupported',
        'bearer-key-invalid',
        'probe-request-rejected',
        'data-retention-mode-refused',
        'service-tier-reservation-missing',
        'service-tier-unsupported',
        'prompt-caching-refused'
      ].includes(entry.id)
    )
    expect(cited).toHaveLength(16)
    for (const entry of cited) expect(entry.sources?.length).toBeGreaterThan(0)
  })

  it('names the data retention mode Bedrock says is in effect, in the fix', () => {
    const diagnosis = diagnose(
      service('ValidationException', "data retention mode 'default' is not available for this model")
    )!
    expect(diagnosis.groups[0]).toBe('default')
    expect(
      fixFor('data-retention-mode-refused', {
        model: 'us.anthropic.claude-fable-5',
        region: 'us-east-1',
        groups: diagnosis.groups
      })
    ).toMatch(/data retention mode in us-east-1 \('default'\)/)
  })

  it('gives every row a reading of the message, and its cause a fix', () => {
    for (const entry of CATALOGUE) {
      expect(entry.reading.length).toBeGreaterThan(10)
      expect(
        fixFor(entry.id, { model: 'm.x-1', region: 'us-east-1', groups: ['a', 'b', 'c'] })?.length
      ).toBeGreaterThan(10)
    }
  })

  it('reads Marketplace denials as model access, never as IAM', () => {
    const diagnosis = diagnose(
      service(
        'AccessDeniedException',
        'Model access is denied due to arn:aws:iam::1:role/x is not authorized to perform: aws-marketplace:Subscribe on resource: * because no identity-based policy allows the action.'
      )
    )
    expect(diagnosis?.gate).toBe('model-access')
    expect(fixFor(diagnosis!.entry.id, { model: '', region: '', groups: [] })).toContain(
      'aws-marketplace:Subscribe'
    )
  })

  it('reads a Marketplace subscription that failed for any other reason as model access, with the reason kept', () => {
    // The general shape of the message; the rows above name only the reasons users quoted.
    const message =
      'Model access is denied due to SUBSCRIPTION_BLOCKED: the product is not approved in this account. Your AWS ' +
      'Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, ' +
      'try again after 15 minutes.'
    const diagnosis = diagnose(service('AccessDeniedException', message))
    expect(diagnosis?.entry.id).toBe('marketplace-subscription-failed')
    expect(diagnosis?.gate).toBe('model-access')
    const fix = fixFor(diagnosis!.entry.id, { model: '', region: '', groups: [] })!
    expect(fix).toContain('the reason AWS gives in the message')
    expect(fix).toContain('create-agreement: true')
    expect(fix).not.toMatch(/bedrock:InvokeModel/)
    // Only the trailing sentence is enough; the known reasons still win over the general row.
    expect(
      diagnose(
        service(
          'AccessDeniedException',
          'Your AWS Marketplace subscription for this model cannot be completed at this time.'
        )
      )?.entry.id
    ).toBe('marketplace-subscription-failed')
    expect(
      diagnose(
        service(
          'AccessDeniedException',
          'Model access is denied due to INVALID_PAYMENT_INSTRUMENT:A valid payment instrument must be provided.. Your AWS Marketplace subscription for this model cannot be completed at this time.'
        )
      )?.entry.id
    ).toBe('payment-instrument')
  })

  it('captures the action and the resource of an SCP denial for the fix', () => {
    const diagnosis = diagnose(
      service(
        'AccessDeniedException',
        'User: u is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:eu-west-3::foundation-model/m.x with an explicit deny in a service control policy'
      )
    )!
    expect(diagnosis.groups).toEqual([
      'bedrock:InvokeModel',
      'arn:aws:bedrock:eu-west-3::foundation-model/m.x'
    ])
    expect(fixFor(diagnosis.entry.id, { model: '', region: '', groups: diagnosis.groups })).toMatch(
      /cannot override an SCP/
    )
  })

  it('does not diagnose faults or unknown answers', () => {
    expect(diagnose({ kind: 'timeout', name: 'TimeoutError', message: 'timed out: socket' })).toBeUndefined()
    expect(
      diagnose({ kind: 'fault', name: 'InternalServerException', message: 'service error 500' })
    ).toBeUndefined()
    expect(
      diagnose({
        kind: 'throttled',
        name: 'ThrottlingException',
        message: 'Too many tokens, please wait before trying again.'
      })
    ).toBeUndefined()
    expect(
      diagnose(service('ValidationException', 'Malformed input request: extraneous key'))
    ).toBeUndefined()
  })

  it('applies an exception-specific row only to that exception', () => {
    expect(
      diagnose(
        service('ValidationException', "You don't have access to the model with the specified model ID.")
      )
    ).toBeUndefined()
  })
})
