/**
 * The cause registry: every cause has the words its kind needs, and every fix says the thing that fixes it (a key
 * phrase per cause, so a garbled or swapped fix fails here), names the check's own values, and never asks for
 * what GitHub would strip (an <ANGLE_BRACKET> placeholder) or for a risky workflow (pull_request_target).
 */
import { describe, expect, it } from '@jest/globals'
import { CAUSES, fixFor, GATES, statementFor, type Cause, type FixContext } from '../../src/causes/index.js'
import { CATALOGUE } from '../../src/diagnosis/catalogue.js'

const CONTEXT: FixContext = {
  model: 'm.x-1',
  region: 'us-west-2',
  baseModelId: 'm.x-1',
  account: '111122223333',
  groups: ['bedrock:InvokeModel', 'arn:aws:bedrock:us-east-1::foundation-model/m.x-1', 'session'],
  marketplace: true,
  allowedAccountIds: ['444455556666'],
  keyRegion: 'us-east-1',
  issuer: 'https://token.actions.octocorp.ghe.com',
  quota: {
    name: 'On-demand InvokeModel tokens per minute for M',
    code: 'L-1',
    applied: 0,
    default: 200000,
    adjustable: true
  }
}

/** What each fix must say: the action that opens the gate, or the one thing to do about a fault. */
const KEY_PHRASES: Partial<Record<Cause, string[]>> = {
  'oidc-no-token-permission': ['id-token: write'],
  'oidc-trust-policy': [':sub must match the claim shown', ':aud must equal the audience input'],
  'oidc-invalid-token': ['IAM OIDC identity provider for https://token.actions.octocorp.ghe.com'],
  'oidc-token-unavailable': ['re-run the job'],
  'oidc-token-rejected': ['the reason it gives', 'client IDs', 're-run'],
  'oidc-audience-mismatch': ['add-client-id-to-open-id-connect-provider', 'audience input'],
  'oidc-thumbprint-mismatch': ['update-open-id-connect-provider-thumbprint'],
  'role-duration-too-long': ['Lower role-duration-seconds', '--max-session-duration'],
  'sts-region-disabled': ['Activate STS in us-west-2'],
  'idp-unreachable': ['re-run the job'],
  'fork-pull-request': [
    'github.event.pull_request.head.repo.full_name == github.repository',
    'probe on push'
  ],
  'credentials-expired': ['role-duration-seconds', 'longer than wait-timeout-seconds'],
  'credentials-invalid': ['role-to-assume'],
  'credentials-missing': ['role-to-assume', 'configure-aws-credentials', 'instance role'],
  'credentials-bad-signature': ['Not an IAM problem', 'secret access key does not match', 'CONNECT'],
  'request-unsigned': [
    'Not an IAM problem',
    'credentials reach this step',
    'Authorization and X-Amz-* headers'
  ],
  'clock-skewed': ['Not an IAM problem', 'more than 5 minutes', 'timedatectl set-ntp true'],
  'sts-refused': ['credentials this job uses'],
  'wrong-account': ['account 444455556666', 'add 111122223333 to allowed-account-ids'],
  'account-unverifiable': ['role-to-assume', 'drop allowed-account-ids'],
  'bearer-key-invalid': ['create a new key', 'unset AWS_BEARER_TOKEN_BEDROCK'],
  'bearer-key-expired': ['generate the key in the job'],
  'bearer-key-region': ['Generate the key for us-west-2', 'or probe us-east-1'],
  'bearer-denied-scp': ['no IAM policy overrides an SCP', 'unset AWS_BEARER_TOKEN_BEDROCK'],
  'bearer-not-permitted': ['Allow bedrock:CallWithBearerToken (statement below)', 'remove that Deny'],
  'region-signature-scope': ['"us-west-2" must be a region where Amazon Bedrock runs'],
  'region-not-offered': ['Use a region where the model is offered'],
  'profile-not-found': ["geography's source regions"],
  'credentials-outlived': [
    'role-duration-seconds: 3600',
    'aws iam update-role --role-name ROLE_NAME --max-session-duration 3600'
  ],
  'application-profile-not-found': [
    'list-inference-profiles --type-equals APPLICATION',
    'one account and one region'
  ],
  'on-demand-unsupported': ['through an inference profile'],
  'invalid-model-id': ['aws bedrock list-foundation-models --region us-west-2'],
  'model-id-malformed': [
    'Bedrock refused "bedrock:InvokeModel" before looking it up',
    'aws bedrock list-foundation-models --region us-west-2'
  ],
  'model-not-found': ['offered in us-west-2'],
  'not-entitled': ['create-agreement: true', 'aws-marketplace:Subscribe'],
  'agreement-create-failed': ['bedrock:CreateFoundationModelAgreement'],
  'payment-instrument': ['payment method'],
  'account-not-authorized': ['AWS Support', 'no IAM policy changes this'],
  'model-not-offered-to-account': [
    'No IAM policy, SCP or agreement opens this',
    'AWS does not make m.x-1 available to this account',
    'aws.amazon.com/contact-us/sales-support',
    'aws bedrock list-foundation-models --region us-west-2'
  ],
  'account-being-verified': ['Wait', 'AWS Support case', 'No IAM policy'],
  'marketplace-subscription-in-progress': [
    'still processing',
    'subscription to m.x-1',
    'try again after 15 minutes',
    'No IAM policy changes this'
  ],
  'marketplace-agreement-stuck': [
    'aws bedrock get-foundation-model-availability --model-id m.x-1 --region us-west-2',
    'AWS Support case',
    'No IAM policy changes this'
  ],
  'data-retention-mode-refused': [
    'aws bedrock get-account-data-retention --region us-west-2',
    'aws bedrock put-account-data-retention --mode provider_data_share --region us-west-2',
    'the probe never changes it',
    'No IAM policy changes this'
  ],
  'service-tier-reservation-missing': [
    'reserved service tier',
    'AWS account team',
    'priority, default or flex'
  ],
  'service-tier-unsupported': ['not served in the', 'tiers each model offers', 'or none'],
  'prompt-caching-refused': ['Not an access verdict', 'sends no cache checkpoint', 'cachePoint'],
  'account-standing': [
    'No IAM policy, SCP or agreement opens this',
    'm.x-1',
    'AWS Support case',
    'us-west-2'
  ],
  'account-operation-not-allowed': ['AWS Support', 'No IAM policy'],
  'marketplace-subscription-failed': [
    'the reason AWS gives',
    'aws-marketplace:Subscribe',
    'create-agreement: true'
  ],
  'marketplace-permissions': [
    'aws-marketplace:Subscribe',
    'aws-marketplace:ViewSubscriptions',
    'create-agreement: true'
  ],
  'no-model-access': ['in us-west-2', 'create-agreement: true'],
  'model-legacy': [
    'Move to an active model of the same provider',
    'list-foundation-models --region us-west-2'
  ],
  'model-eol-soon': ['Move to an active model', 'before the end-of-life date'],
  'model-legacy-inactive': ['Move to an active model', 'does not come back'],
  'model-end-of-life': ['Move to an active model', 'can no longer be invoked'],
  'use-case-missing': ['create-agreement: true', 'use-case-form'],
  'no-offer': ['private offers'],
  'wait-timed-out': ['wait-timeout-seconds'],
  'not-authorized': ['provider terms'],
  'agreement-pending': ['up to 15'],
  'agreement-error': ['payment method', 're-create the agreement'],
  'agreement-missing': ['create-agreement: true', 'aws-marketplace:Subscribe'],
  'agreement-not-created': ['could not create the agreement', 'bootstrap policy', 'administrator'],
  'provider-country-unsupported': ['supported country'],
  'govcloud-terms-elsewhere': ['standard AWS account associated with it', 'us-east-1 or us-west-2'],
  'iam-scp-deny': [
    'cannot override an SCP',
    'allow bedrock:InvokeModel on arn:aws:bedrock:us-east-1::foundation-model/m.x-1'
  ],
  'iam-explicit-deny': ['Deny for bedrock:InvokeModel on', 'in the session policy'],
  'iam-no-allow': ['policy below', 'bedrock:InvokeModelWithResponseStream covers ConverseStream'],
  'iam-denied': ['IAM does not allow bedrock:InvokeModel', 'statement below', 'permissions boundary'],
  'iam-list-denied': ['allow bedrock:ListInferenceProfiles'],
  'unrecognised-refusal': ['suggests no policy', 'report it to bedrock-access-probe'],
  'probe-request-rejected': ['report the message to bedrock-access-probe'],
  'not-text-model': ['Nothing to fix for access'],
  'read-denied': ['Grant the read permission', 'without a call'],
  'model-not-serving': [
    'No gate is closed',
    'Re-run the probe',
    'the model (or imported model) is not serving'
  ],
  fault: ['re-run the probe'],
  'timed-out': ['request-timeout-seconds'],
  unreachable: ['VPC endpoint', 'HTTPS_PROXY'],
  'region-unknown': ['regions input', 'DNS'],
  'not-from-aws': ['proxy'],
  'tls-untrusted': ['NODE_EXTRA_CA_CERTS'],
  'service-error': ['re-run the probe'],
  'proxy-failed': ['CONNECT', 'NO_PROXY'],
  cancelled: ['re-run it'],
  'daily-tokens-exhausted': [
    'wait for the daily window',
    'aws service-quotas request-service-quota-increase'
  ],
  'quota-zero': [
    'No call can be served',
    'Request 200000 for On-demand InvokeModel tokens per minute for M (L-1) in us-west-2',
    'aws service-quotas request-service-quota-increase'
  ],
  'quota-below-need': ['min-tokens-per-minute', 'Request 200000 for'],
  'quota-exceeded': ['refused for a quota', 'request-service-quota-increase'],
  'quota-reduced': ["below AWS's default", 'Cross-region model inference tokens per minute'],
  throttled: ['Access is in place', 'raise the quota'],
  'quota-read-denied': ['servicequotas:ListServiceQuotas', 'servicequotas:ListAWSDefaultServiceQuotas']
}

const causes = Object.keys(CAUSES) as Cause[]

describe('the cause registry', () => {
  it.each(causes)('%s has the words its kind needs', cause => {
    const spec = CAUSES[cause]
    expect(spec.title.length).toBeGreaterThan(2)
    expect(['any', ...GATES]).toContain(spec.gate)
    if (spec.kind === 'fault' || spec.kind === 'unproven') expect(spec.cell.length).toBeGreaterThan(1)
    if (spec.kind === 'fault') expect(spec.headline.length).toBeGreaterThan(10)
    const fix = fixFor(cause, CONTEXT)
    if (spec.kind === 'closed' || spec.kind === 'fault' || spec.kind === 'caveat')
      expect(fix?.length).toBeGreaterThan(15)
  })

  it.each(causes.filter(cause => fixFor(cause, CONTEXT) !== undefined))(
    'the fix of %s says what fixes it',
    cause => {
      const fix = fixFor(cause, CONTEXT)!
      const phrases = KEY_PHRASES[cause]
      expect(phrases).toBeDefined()
      for (const phrase of phrases!) expect(fix).toContain(phrase)
      // GitHub's sanitizer removes an unknown tag such as <ROLE_NAME>; a fix never asks for a risky workflow.
      expect(fix).not.toMatch(/<[A-Za-z_]+>/)
      expect(fix).not.toMatch(/(?<!not )\b(use|run on|probe on|switch to) pull_request_target/i)
    }
  )

  it('an ending model names its ACTIVE successor when there is one, and how to call it', () => {
    for (const cause of [
      'model-legacy',
      'model-eol-soon',
      'model-legacy-inactive',
      'model-end-of-life'
    ] as const) {
      const onDemand = fixFor(cause, {
        ...CONTEXT,
        successor: { id: 'anthropic.claude-3-5-haiku-20241022-v1:0', onDemand: 'supported' }
      })!
      expect(onDemand).toMatch(
        /^Move to anthropic\.claude-3-5-haiku-20241022-v1:0, the newest ACTIVE model of the same line in us-west-2/
      )
      expect(onDemand).not.toContain('inference profile')
      const profileOnly = fixFor(cause, {
        ...CONTEXT,
        successor: { id: 'anthropic.claude-haiku-4-5-20251001-v1:0', onDemand: 'not-supported' }
      })!
      expect(profileOnly).toContain('called through an inference profile')
    }
  })

  it('a quota that is not adjustable is raised through AWS Support, never with a command that would fail', () => {
    const fix = fixFor('quota-zero', { ...CONTEXT, quota: { ...CONTEXT.quota!, adjustable: false } })!
    expect(fix).toContain('is not adjustable in Service Quotas: open an AWS Support case')
    expect(fix).not.toContain('request-service-quota-increase')
  })

  it('only a cause of the IAM-permission gate is fixed with a policy statement, and only one an Allow opens', () => {
    const withStatement = causes.filter(cause => statementFor(cause) !== undefined)
    expect(withStatement.sort()).toEqual(
      ['bearer-not-permitted', 'iam-denied', 'iam-list-denied', 'iam-no-allow'].sort()
    )
    for (const cause of withStatement) expect(CAUSES[cause].gate).toBe('iam-permission')
    // What no Allow opens never points at a statement.
    for (const cause of causes.filter(cause => statementFor(cause) === undefined))
      expect(fixFor(cause, CONTEXT) ?? '').not.toMatch(/(policy|statement) below/)
  })

  it('names a gate for every cause an AWS answer can name', () => {
    for (const entry of CATALOGUE) expect(GATES).toContain(CAUSES[entry.id].gate)
  })
})
