/**
 * The error catalogue: every AWS answer the probe knows, as data. One row: which exceptions, which message pattern
 * (matched loosely: account IDs, ARNs and minutes vary), the cause it names and how the row reads AWS's words. The
 * cause's gate, kind and fix are the cause registry's (src/causes.ts): a new row for a known cause needs no code.
 * Rows are tried in order and the first match wins, so specific rows come before general ones (the Marketplace
 * denials contain "is not authorized to perform" too, and must not read as IAM).
 */
import { CAUSES, type Cause, type GateName } from '../causes.js'
import type { AwsFailure } from '../evidence.js'

/** The causes an AWS answer can name: each closes (or leaves) one gate, never "any". */
export type AnsweredCause = {
  [K in Cause]: (typeof CAUSES)[K]['gate'] extends GateName ? K : never
}[Cause]

export interface CatalogueEntry {
  id: AnsweredCause
  /** Exception names the row applies to; '*' for any. */
  exceptions: string[]
  pattern: RegExp
  status: 'fail' | 'warn' | 'skip'
  /** What the row reads in AWS's words, shown before the AWS message. */
  reading: string
  /** Where the wording was seen: AWS documentation or public reports of users who hit it. */
  sources?: string[]
  /** Why the row names this cause, where that is a judgement call. */
  note?: string
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  // --- Credentials ---------------------------------------------------------------------------------
  {
    id: 'oidc-trust-policy',
    exceptions: ['AccessDenied', 'AccessDeniedException'],
    pattern: /Not authorized to perform sts:AssumeRoleWithWebIdentity/i,
    status: 'fail',
    reading: "The role's trust policy refused this workflow's OIDC token"
  },
  {
    id: 'oidc-invalid-token',
    exceptions: ['InvalidIdentityToken', 'InvalidIdentityTokenException'],
    pattern: /./,
    status: 'fail',
    reading: 'STS rejected the OIDC token'
  },
  {
    id: 'credentials-expired',
    exceptions: ['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired'],
    pattern: /./,
    status: 'fail',
    reading: 'The credentials have expired'
  },
  {
    id: 'credentials-invalid',
    exceptions: [
      'UnrecognizedClientException',
      'InvalidClientTokenId',
      'SignatureDoesNotMatch',
      'IncompleteSignature',
      'MissingAuthenticationToken',
      'MissingAuthenticationTokenException',
      'InvalidAccessKeyId'
    ],
    pattern: /./,
    status: 'fail',
    reading: 'AWS does not recognise these credentials'
  },
  {
    id: 'credentials-missing',
    exceptions: ['CredentialsProviderError', 'ProviderError'],
    pattern: /./,
    status: 'fail',
    reading: 'No AWS credentials were found'
  },
  {
    id: 'bearer-key-invalid',
    exceptions: ['*'],
    pattern: /Authentication failed: Please make sure your API Key is valid/i,
    status: 'fail',
    reading: 'Bedrock rejected the API key (AWS_BEARER_TOKEN_BEDROCK)',
    sources: ['github.com/anomalyco/opencode/issues/47073', 'github.com/ai4s-research/open-science/issues/53']
  },
  {
    // IAM's own wording for an SCP denial, for the action that gates every use of an API key.
    id: 'bearer-denied-scp',
    exceptions: ['AccessDeniedException'],
    pattern:
      /not authorized to perform: bedrock:CallWithBearerToken .*explicit deny in a service control policy/i,
    status: 'fail',
    reading: 'A service control policy forbids Bedrock API keys in this account',
    sources: [
      'docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html',
      'github.com/aws-samples/service-control-policy-examples (Deny-Bedrock-api-keys.json)'
    ]
  },
  {
    id: 'bearer-not-permitted',
    exceptions: ['AccessDeniedException'],
    pattern:
      /not authorized to perform: bedrock:CallWithBearerToken|Invalid API Key format: Must start with pre-defined prefix/i,
    status: 'fail',
    reading: 'The principal behind the API key may not use API keys (bedrock:CallWithBearerToken)',
    sources: [
      'docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html',
      'github.com/aws-solutions-library-samples/guidance-for-claude-code-with-amazon-bedrock/issues/784'
    ]
  },
  // --- Region --------------------------------------------------------------------------------------
  {
    id: 'region-signature-scope',
    exceptions: ['InvalidSignatureException'],
    pattern: /Credential should be scoped to a valid region/i,
    status: 'fail',
    reading: 'The request was signed for a region this endpoint does not accept'
  },
  {
    id: 'credentials-bad-signature',
    exceptions: ['InvalidSignatureException'],
    pattern: /./,
    status: 'fail',
    reading: 'AWS rejected the request signature'
  },
  // --- Model access (Marketplace entitlement, lifecycle, account-level blocks) --------------------------
  {
    id: 'payment-instrument',
    exceptions: ['AccessDeniedException', 'AccessDenied', 'ValidationException'],
    pattern: /INVALID_PAYMENT_INSTRUMENT|payment (instrument|method)/i,
    status: 'fail',
    reading: 'The AWS Marketplace subscription cannot be charged to this account',
    sources: ['github.com/Tracer-Cloud/opensre/pull/1812']
  },
  {
    id: 'account-not-authorized',
    exceptions: ['AccessDeniedException', 'ValidationException'],
    pattern: /Your account is not authorized to invoke this API operation/i,
    status: 'fail',
    reading: 'AWS does not let this account use the model here (an account-level restriction, not IAM)',
    sources: [
      'github.com/aws-samples/amazon-bedrock-workshop/issues/100',
      'github.com/aws-samples/amazon-bedrock-workshop/issues/109',
      'github.com/aws-samples/amazon-bedrock-audio-summarizer/issues/3'
    ]
  },
  {
    id: 'account-operation-not-allowed',
    exceptions: ['ValidationException', 'AccessDeniedException'],
    pattern: /^Operation not allowed\.?$/i,
    status: 'fail',
    reading: 'AWS does not allow this account to call Bedrock models (an account-level block, not IAM)',
    sources: [
      'github.com/aws/aws-cli/issues/8717',
      'github.com/langgenius/dify/issues/7488',
      'github.com/kirodotdev/Kiro/issues/11191'
    ]
  },
  {
    id: 'marketplace-permissions',
    exceptions: ['AccessDeniedException', 'AccessDenied'],
    pattern: /Model access is denied due to .*(AWS Marketplace actions|aws-marketplace:)/i,
    status: 'fail',
    reading:
      'The model is not subscribed in this account, and this identity may not subscribe it (AWS Marketplace)'
  },
  {
    id: 'marketplace-permissions',
    exceptions: ['AccessDeniedException', 'AccessDenied'],
    pattern: /not authorized to perform:? aws-marketplace:(\w+)/i,
    status: 'fail',
    reading: 'This identity may not subscribe the model through AWS Marketplace'
  },
  {
    id: 'no-model-access',
    exceptions: ['AccessDeniedException'],
    pattern: /You don.t have access to the model with the specified model ID/i,
    status: 'fail',
    reading: 'The account has no access to this model in this region'
  },
  {
    id: 'model-legacy-inactive',
    exceptions: ['AccessDeniedException', 'ResourceNotFoundException', 'ValidationException'],
    pattern: /marked by provider as Legacy/i,
    status: 'fail',
    reading: 'Legacy model: access lapsed because the account has not used it recently'
  },
  {
    id: 'model-end-of-life',
    exceptions: ['ResourceNotFoundException', 'ValidationException', 'AccessDeniedException'],
    pattern: /reached the end of its life/i,
    status: 'fail',
    reading: 'End-of-life model: it can no longer be invoked'
  },
  // --- Provider terms ------------------------------------------------------------------------------
  {
    id: 'use-case-missing',
    exceptions: ['ResourceNotFoundException', 'AccessDeniedException', 'ValidationException'],
    pattern: /use case details have not been submitted/i,
    status: 'fail',
    reading: "Anthropic's use-case (first-time-use) form has not been submitted for this account"
  },
  {
    id: 'provider-country-unsupported',
    exceptions: ['ValidationException', 'AccessDeniedException'],
    pattern: /not allowed from unsupported countries, regions, or territories/i,
    status: 'fail',
    reading:
      "The provider does not serve requests from where this runner is (Anthropic's supported countries)",
    sources: [
      'github.com/aws-samples/generative-bi-using-rag/issues/361',
      'github.com/anthropics/claude-code/issues/2656'
    ]
  },
  // --- IAM permission ------------------------------------------------------------------------------
  {
    id: 'iam-scp-deny',
    exceptions: ['AccessDeniedException'],
    pattern:
      /not authorized to perform: (\S+) on resource: (\S+) with an explicit deny in a service control policy/i,
    status: 'fail',
    reading: 'A service control policy (SCP) explicitly denies this call'
  },
  {
    id: 'iam-explicit-deny',
    exceptions: ['AccessDeniedException'],
    pattern:
      /not authorized to perform: (\S+) on resource: (\S+) with an explicit deny in an? ([\w -]+?) policy/i,
    status: 'fail',
    reading: 'A policy explicitly denies this call'
  },
  {
    id: 'iam-no-allow',
    exceptions: ['AccessDeniedException'],
    pattern: /not authorized to perform: (\S+) on resource: (\S+) because no ([\w -]+?) policy allows/i,
    status: 'fail',
    reading: 'No IAM policy allows this identity to invoke the model'
  },
  {
    id: 'iam-denied',
    exceptions: ['AccessDeniedException', 'AccessDenied'],
    pattern: /./,
    status: 'fail',
    reading: 'Access denied'
  },
  // --- Region (model identifier) -------------------------------------------------------------------
  {
    id: 'on-demand-unsupported',
    exceptions: ['ValidationException'],
    pattern: /on-demand throughput isn.t supported|doesn.t support on-demand throughput/i,
    status: 'fail',
    reading: 'This model cannot be invoked on demand by its base ID'
  },
  {
    id: 'invalid-model-id',
    exceptions: ['ValidationException'],
    pattern: /provided model identifier is invalid/i,
    status: 'fail',
    reading: 'Bedrock does not know this model ID in this region'
  },
  {
    // The probe's own minimal request was refused for its shape (some models reject a sampling parameter):
    // nothing is known about access, and nothing about the account is to blame.
    id: 'probe-request-rejected',
    exceptions: ['ValidationException'],
    pattern:
      /doesn.t support the \w+ field|does not support (the )?(temperature|top_?p)|temperature|top_?p|max_?tokens|inferenceConfig/i,
    status: 'skip',
    reading: "The model refused the probe's minimal request itself, not the account",
    sources: [
      'github.com/aws-samples/sample-kolya-br-proxy/pull/104',
      'github.com/aws-samples/sample-well-architected-skills-and-steering/pull/31',
      'github.com/mem0ai/mem0/pull/4147'
    ]
  },
  {
    id: 'not-text-model',
    exceptions: ['ValidationException'],
    pattern: /(doesn.t|does not) support the model|model (is )?not supported for this (action|operation)/i,
    status: 'skip',
    reading: 'The model does not take Converse (not an access failure)'
  },
  {
    id: 'model-not-found',
    exceptions: ['ResourceNotFoundException'],
    pattern: /./,
    status: 'fail',
    reading: 'The model or profile was not found in this region'
  },
  // --- Not gates: the call got past authorization ---------------------------------------------------
  {
    id: 'quota-exceeded',
    exceptions: ['ServiceQuotaExceededException'],
    pattern: /./,
    status: 'fail',
    reading: 'A service quota was exceeded after the request was authorized'
  },
  {
    id: 'model-not-ready',
    exceptions: ['ModelNotReadyException', 'ServiceUnavailableException', 'ModelTimeoutException'],
    pattern: /./,
    status: 'warn',
    reading: 'The model did not answer in time (not an access failure)'
  }
]

export interface Diagnosis {
  entry: CatalogueEntry
  /** The gate the row's cause belongs to. */
  gate: GateName
  groups: string[]
}

/** Find the row for an AWS service answer; undefined for faults and for answers the catalogue does not know. */
export function diagnose(failure: AwsFailure): Diagnosis | undefined {
  for (const entry of CATALOGUE) {
    if (!entry.exceptions.includes('*') && !entry.exceptions.includes(failure.name)) continue
    if (entry.exceptions.includes('*') || failure.kind === 'service') {
      const match = entry.pattern.exec(failure.message)
      if (match)
        return { entry, gate: CAUSES[entry.id].gate, groups: match.slice(1).map(group => group ?? '') }
    }
  }
  return undefined
}
