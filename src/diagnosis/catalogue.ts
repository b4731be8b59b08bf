/**
 * The error catalogue: every AWS answer the probe knows, as data. One row: which exceptions, which message pattern
 * (matched loosely: account IDs, ARNs and minutes vary), the cause it names and how the row reads AWS's words. The
 * cause's gate, kind and fix are the cause registry's (src/causes.ts): a new row for a known cause needs no code.
 * Rows are tried in order and the first match wins, so specific rows come before general ones (the Marketplace
 * denials contain "is not authorized to perform" too, and must not read as IAM).
 */
import { CAUSES, ERROR_CODES_GUIDE, type Cause, type GateName } from '../causes.js'
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
    // The provider exists, but the token's aud is not among its client IDs (configure-aws-credentials#775, #457).
    id: 'oidc-audience-mismatch',
    exceptions: ['InvalidIdentityToken', 'InvalidIdentityTokenException'],
    pattern: /Incorrect token audience/i,
    status: 'fail',
    reading: "STS rejected the OIDC token's audience",
    sources: [
      'github.com/aws-actions/configure-aws-credentials/issues/775',
      'github.com/aws-actions/configure-aws-credentials/issues/1309'
    ]
  },
  {
    id: 'oidc-thumbprint-mismatch',
    exceptions: ['InvalidIdentityToken', 'InvalidIdentityTokenException'],
    pattern: /HTTPS certificate doesn.t match configured thumbprint/i,
    status: 'fail',
    reading: "STS does not trust the identity provider's certificate",
    sources: [
      'docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc_verify-thumbprint.html'
    ]
  },
  {
    id: 'role-duration-too-long',
    exceptions: ['ValidationError', 'ValidationException'],
    pattern: /DurationSeconds exceeds the (MaxSessionDuration|1 hour session limit)/i,
    status: 'fail',
    reading: 'STS refused the session length asked for',
    sources: ['github.com/kreuzwerker/awsu/issues/27', 'github.com/ruimarinho/gsts/issues/13']
  },
  {
    id: 'sts-region-disabled',
    exceptions: ['RegionDisabledException', 'RegionDisabled'],
    pattern: /./,
    status: 'fail',
    reading: 'STS is not activated in this region for the account',
    sources: ['github.com/org-formation/org-formation-cli/issues/465', 'github.com/aws/aws-cdk/issues/11474']
  },
  {
    id: 'oidc-invalid-token',
    exceptions: ['InvalidIdentityToken', 'InvalidIdentityTokenException'],
    pattern: /No OpenIDConnect provider found/i,
    status: 'fail',
    reading: 'STS knows no identity provider for the OIDC token',
    sources: ['docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html']
  },
  {
    // Any other reason STS gives for the token (an expired or malformed token): its words, and no guess.
    id: 'oidc-token-rejected',
    exceptions: ['InvalidIdentityToken', 'InvalidIdentityTokenException'],
    pattern: /./,
    status: 'fail',
    reading: 'STS rejected the OIDC token'
  },
  {
    id: 'credentials-expired',
    exceptions: ['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired'],
    pattern: /./,
    status: 'fail',
    reading: 'The credentials have expired'
  },
  // A region the signature names that AWS does not know (STS answers SignatureDoesNotMatch, Bedrock
  // InvalidSignatureException): the region gate's, though it is read with the signing rows.
  {
    id: 'region-signature-scope',
    exceptions: ['InvalidSignatureException', 'SignatureDoesNotMatch'],
    pattern: /Credential should be scoped to a valid region/i,
    status: 'fail',
    reading: 'The request was signed for a region this endpoint does not accept',
    note: 'Region, not credentials: the keys may be sound; the region their signature names is not one AWS runs.'
  },
  // What signs the request: nothing (no Authorization header reached AWS), a header that is not a SigV4 one, a
  // clock out of step, or a signature AWS computes differently (the wrong secret, or a request changed on the way).
  // Bedrock answers some of these as AccessDeniedException, which must not read as a policy: no policy fixes them.
  {
    id: 'request-unsigned',
    exceptions: [
      'AccessDeniedException',
      'MissingAuthenticationToken',
      'MissingAuthenticationTokenException'
    ],
    pattern:
      /Authorization header is missing|Missing Authentication Token|Request is missing Authentication Token/i,
    status: 'fail',
    reading: 'The request reached AWS without a signature',
    sources: ['github.com/karthink/gptel/issues/1397 ({"Message":"Authorization header is missing"})'],
    note: 'Credentials, not IAM: AWS refused before it knew who was calling, so no identity policy was evaluated.'
  },
  {
    id: 'request-unsigned',
    exceptions: ['IncompleteSignatureException', 'IncompleteSignature', 'AccessDeniedException'],
    pattern: /Authorization header requires '(Credential|Signature|SignedHeaders)' parameter/i,
    status: 'fail',
    reading: 'The request reached AWS with an Authorization header that is not a complete SigV4 signature',
    sources: [
      'github.com/westonbrown/Cyber-AutoAgent/issues/29 (IncompleteSignatureException on ConverseStream, only inside a container)'
    ]
  },
  {
    id: 'clock-skewed',
    exceptions: ['InvalidSignatureException', 'SignatureDoesNotMatch', 'AccessDeniedException'],
    pattern: /Signature (expired|not yet current)/i,
    status: 'fail',
    reading: "The request's signing time is too far from AWS's clock",
    sources: [
      'github.com/aws/aws-sdk-js/issues/254 ("Signature expired: … is now earlier than …")',
      'github.com/aws/aws-sdk-js/issues/2565 ("Signature not yet current: … is still later than …")'
    ]
  },
  {
    // AWS Common Errors: "The request reached the service more than 15 minutes after the date stamp on the request".
    id: 'clock-skewed',
    exceptions: ['RequestExpired'],
    pattern: /./,
    status: 'fail',
    reading: 'The request arrived too long after the time it was signed at',
    sources: ['docs.aws.amazon.com/signer/latest/api/CommonErrors.html (RequestExpired)']
  },
  {
    id: 'credentials-bad-signature',
    exceptions: ['SignatureDoesNotMatch', 'AccessDeniedException', 'UnrecognizedClientException'],
    pattern: /request signature we calculated does not match the signature you provided/i,
    status: 'fail',
    reading: 'AWS computed a different signature for this request',
    sources: [
      'github.com/BerriAI/litellm/issues/14763 (a proxy in front of Bedrock: the signature no longer matched)'
    ]
  },
  {
    id: 'credentials-bad-signature',
    exceptions: [
      'InvalidSignatureException',
      'SignatureDoesNotMatch',
      'IncompleteSignatureException',
      'IncompleteSignature'
    ],
    pattern: /./,
    status: 'fail',
    reading: 'AWS rejected the request signature'
  },
  {
    id: 'credentials-invalid',
    exceptions: ['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidAccessKeyId'],
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
    // The key's own shape is refused: nothing about its principal's policies is known yet.
    id: 'bearer-key-invalid',
    exceptions: ['AccessDeniedException', 'ValidationException', 'UnrecognizedClientException'],
    pattern: /Invalid API Key format: Must start with pre-defined prefix/i,
    status: 'fail',
    reading: 'Bedrock does not take the value of AWS_BEARER_TOKEN_BEDROCK as an API key',
    sources: [
      'github.com/aws-solutions-library-samples/guidance-for-claude-code-with-amazon-bedrock/issues/784'
    ]
  },
  // --- Model access (Marketplace entitlement, lifecycle, account-level blocks) --------------------------
  // AWS's table of Bedrock error codes (ERROR_CODES_GUIDE) names four account-level 403s by code and cause. The
  // code may reach the SDK as the error's name (an unmodelled type) or only in the words under an
  // AccessDeniedException, so each has a row by name and one by its words. The in-progress rows come first:
  // "Your account is not authorized to access this model. Your AWS Marketplace subscription … is still being
  // processed" also opens with the account-standing wording, and is transient, not a standing refusal.
  {
    id: 'marketplace-subscription-in-progress',
    exceptions: ['MPAgreementBeingCreated'],
    pattern: /./,
    status: 'skip',
    reading: "AWS is still processing the account's AWS Marketplace subscription to this model",
    sources: [ERROR_CODES_GUIDE]
  },
  {
    id: 'marketplace-subscription-in-progress',
    exceptions: ['AccessDeniedException', 'AccessDenied', 'ValidationException'],
    pattern:
      /(subscription|agreement) (for|to) (this|the) model is (still )?being (processed|created)|agreement is (still )?being created/i,
    status: 'skip',
    reading: "AWS is still processing the account's AWS Marketplace subscription to this model",
    sources: [
      ERROR_CODES_GUIDE,
      'docs.aws.amazon.com/bedrock/latest/userguide/model-access.html ("During this setup period (up to 15 minutes) …")'
    ],
    note:
      'AWS documents the wait ("Try again after 15 minutes") and no fix: a pending check, never a policy. The ' +
      '"being created" variant follows the code\'s name (MPAgreementBeingCreated); no user quote of it was found.'
  },
  {
    id: 'marketplace-agreement-stuck',
    exceptions: ['AccessDeniedException', 'AccessDenied', 'ValidationException'],
    pattern:
      /Marketplace Agreement (is )?(still )?Pending after 15 minutes|has not succeeded and it has been 15 minutes/i,
    status: 'fail',
    reading: "The account's AWS Marketplace agreement for this model is still pending after 15 minutes",
    sources: [ERROR_CODES_GUIDE]
  },
  {
    // The agreement failed "due to an underlying issue": the same cause as an automatic subscription that failed.
    id: 'marketplace-subscription-failed',
    exceptions: ['AccessDeniedException', 'AccessDenied', 'ValidationException'],
    pattern: /Marketplace Agreement failed|agreement failed due to an underlying issue/i,
    status: 'fail',
    reading: "The account's AWS Marketplace agreement for this model failed",
    sources: [ERROR_CODES_GUIDE]
  },
  {
    id: 'account-standing',
    exceptions: ['BadCScoreException'],
    pattern: /./,
    status: 'fail',
    reading: 'AWS has not authorized this account to access the model (an account-standing check)',
    sources: [ERROR_CODES_GUIDE]
  },
  {
    id: 'account-standing',
    exceptions: ['AccessDeniedException', 'AccessDenied', 'ValidationException'],
    pattern: /(Your|This|The) (AWS )?account is not authorized to (access|use|invoke) (this|the) model/i,
    status: 'fail',
    reading: 'AWS has not authorized this account to access the model (an account-level refusal, not IAM)',
    sources: [ERROR_CODES_GUIDE],
    note:
      'AWS\'s cause for BadCScoreException ("Your account is not authorized to access this model"), whose fix is AWS ' +
      'Support; the "use"/"invoke" variants are the same sentence about the account, never about an IAM principal.'
  },
  {
    id: 'payment-instrument',
    exceptions: ['AccessDeniedException', 'AccessDenied', 'ValidationException'],
    pattern: /INVALID_PAYMENT_INSTRUMENT|payment (instrument|method)/i,
    status: 'fail',
    reading: 'The AWS Marketplace subscription cannot be charged to this account',
    sources: ['github.com/Tracer-Cloud/opensre/pull/1812']
  },
  {
    // AWS, not the account's administrators, withholds the model: the route is AWS Sales (the message says so).
    id: 'model-not-offered-to-account',
    exceptions: ['AccessDeniedException', 'ValidationException', 'ResourceNotFoundException'],
    pattern: /(\S+) is not available for this account|contact AWS Sales/i,
    status: 'fail',
    reading: 'AWS does not offer this model to this account (not an IAM or agreement matter)',
    sources: [
      'github.com/anthropics/claude-code/issues/49238 ("anthropic.claude-opus-4-7 is not available for this account. … contact AWS Sales at https://aws.amazon.com/contact-us/sales-support/")'
    ],
    note: 'Seen with AmazonBedrockFullAccess and AdministratorAccess alike: the account is refused, whatever its policies say.'
  },
  {
    id: 'account-being-verified',
    exceptions: ['AccessDeniedException', 'ValidationException'],
    pattern: /account is (currently )?(being|under|pending) (verified|verification|review)/i,
    status: 'fail',
    reading: 'AWS is still verifying this account, and holds the model until it has',
    note:
      'The wording of users who quoted it ("Your account is currently being verified …"); a new account waits, ' +
      'and no policy or agreement shortens it.'
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
    // The model's own words inside a ValidationException (Anthropic's "The model returned the following errors: …"):
    // a call refused so wins over a control plane that read the form as on file.
    id: 'use-case-missing',
    exceptions: ['ValidationException', 'AccessDeniedException', 'ResourceNotFoundException'],
    pattern:
      /not (yet )?filled out the (required )?use[- ]case form|use[- ]case form (has not|is not|was not)/i,
    status: 'fail',
    reading: "Anthropic's use-case (first-time-use) form has not been submitted for this account",
    sources: [
      'github.com/truefoundry/models/issues/934 ("The model returned the following errors: You have not filled out the required use-case form for this model …")'
    ]
  },
  {
    id: 'agreement-missing',
    exceptions: ['AccessDeniedException', 'ValidationException', 'ResourceNotFoundException'],
    pattern: /does not have an agreement (to|for) this model|no (model )?agreement (exists )?for this model/i,
    status: 'fail',
    reading: 'The account has no provider agreement for this model',
    note:
      'Provider terms, not model access: one root cause closes one gate, and the entitlement follows the agreement ' +
      '(the gate a missing agreement is fixed at).'
  },
  {
    id: 'govcloud-terms-elsewhere',
    exceptions: ['*'],
    pattern: /GovCloud account \S+ cannot perform this operation.*(standard|commercial) AWS account/i,
    status: 'fail',
    reading:
      'A GovCloud account takes its model agreement (and the Anthropic form) from its associated standard account',
    sources: ['ferkakta.dev/govcloud-bedrock-model-graveyard']
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
  {
    // Bedrock's data retention modes (data-retention.html): a model whose terms require retention is blocked when the
    // account's (or project's) mode in the region does not allow it; Bedrock names the mode in effect. Users met it
    // as "data retention mode 'default' is not available for this model" on Claude Fable 5 (a 400 on every request);
    // the same refusal under zero data retention names 'none'.
    id: 'data-retention-mode-refused',
    exceptions: ['ValidationException', 'AccessDeniedException'],
    pattern:
      /data retention mode '?([a-z_]+)'? is not (?:available|supported|allowed) for this model|model requires (?:a )?data retention/i,
    status: 'fail',
    reading: "The account's data retention mode in this region is not one this model is served under",
    sources: [
      'docs.aws.amazon.com/bedrock/latest/userguide/data-retention.html',
      'github.com/anthropics/claude-code/issues/66594 ("API Error: 400 data retention mode \'default\' is not available for this model")',
      'github.com/pydantic/pydantic-ai/issues/8170'
    ],
    note: "Provider terms: the mode decides whether the provider's retention terms can apply, and no IAM policy opens it."
  },
  // --- What the request asks for (a service tier, prompt caching): before the IAM rows, never read as IAM ----
  {
    // Only with service-tier: reserved. Seen as a 400 ValidationException on Converse with serviceTier reserved.
    id: 'service-tier-reservation-missing',
    exceptions: ['ValidationException'],
    pattern: /Reservation not found/i,
    status: 'fail',
    reading: 'The reserved service tier was asked for, and the account holds no reservation for it',
    sources: [
      'github.com/envoyproxy/ai-gateway/pull/1749',
      'github.com/NousResearch/hermes-agent/pull/34476 (serviceTier=reserved → "ValidationException: Reservation not found.")'
    ]
  },
  {
    // Bedrock answers a tier the model or region does not serve with a ValidationException (strands-agents
    // harness-sdk#1799); the wording for an unoffered tier was not found quoted, so the row reads any validation
    // refusal that names the service tier ("service tier provided is invalid" is one, hermes-agent#34476).
    id: 'service-tier-unsupported',
    exceptions: ['ValidationException'],
    pattern: /service[ _-]?tier/i,
    status: 'fail',
    reading: 'The model is not served in the service tier the calls asked for',
    sources: [
      'docs.aws.amazon.com/bedrock/latest/userguide/service-tiers-inference.html',
      'github.com/strands-agents/harness-sdk/pull/1799',
      'github.com/NousResearch/hermes-agent/pull/34476'
    ]
  },
  {
    id: 'prompt-caching-refused',
    exceptions: ['ValidationException', 'AccessDeniedException'],
    pattern: /did not allow prompt caching|prompt caching is not (?:supported|enabled|available)/i,
    status: 'skip',
    reading: 'Bedrock refused prompt caching for this request (the model or region does not offer it)',
    sources: [
      'github.com/cline/cline/issues/2064 ("400 You invoked an unsupported model or your request did not allow prompt caching.")',
      'github.com/microsoft/vscode/issues/296675',
      'github.com/posit-dev/positron/issues/12142'
    ]
  },
  // --- Model access, the general case: after every specific model-access and provider-terms row ---------
  {
    // Bedrock words a failed first-call Marketplace subscription as "Model access is denied due to <reason>. Your
    // AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this
    // issue, try again after N minutes." The rows above name the reasons users quoted (Marketplace permissions, a
    // payment instrument); any other reason still belongs to model access, never to an IAM policy on Bedrock.
    id: 'marketplace-subscription-failed',
    exceptions: ['AccessDeniedException', 'AccessDenied'],
    pattern: /Model access is denied due to|AWS Marketplace subscription for this model cannot be completed/i,
    status: 'fail',
    reading:
      "Bedrock's automatic AWS Marketplace subscription of this model failed, for the reason AWS gives",
    sources: [
      'repost.aws/knowledge-center/bedrock-resolve-marketplace-permission',
      'docs.aws.amazon.com/bedrock/latest/userguide/model-access.html ("If any prerequisites are missing, the subscription attempt fails and subsequent API calls will return AccessDeniedException")',
      'github.com/aws-solutions-library-samples/accelerated-intelligent-document-processing-on-aws/issues/124',
      'github.com/aws-samples/sample-host-openclaw-on-amazon-bedrock-agentcore/issues/41'
    ]
  },
  // --- IAM permission ------------------------------------------------------------------------------
  // The API key's action. Judgement call: the IAM-permission gate, not credentials. Bedrock recognised the key and
  // named its principal ("User: … is not authorized to perform: bedrock:CallWithBearerToken"): the caller is
  // authenticated, and what is refused is one action, evaluated like bedrock:InvokeModel (identity policies, SCPs).
  // So the fix is a policy statement, or for an SCP the organisation's administrators; these rows come before the
  // general IAM rows, which would match the same words.
  {
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
    pattern: /not authorized to perform: bedrock:CallWithBearerToken/i,
    status: 'fail',
    reading: 'The principal behind the API key may not use API keys (bedrock:CallWithBearerToken)',
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html']
  },
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
    // Only IAM's own wording reads as IAM. Any other access denial (Bedrock's account-level and model-level refusals
    // are AccessDeniedException too) is a refusal the probe cannot name: still a failure, but with no policy, since
    // nothing says an Allow would open it.
    id: 'iam-denied',
    exceptions: ['AccessDeniedException', 'AccessDenied'],
    pattern: /is not authorized to perform:? (\S+)/i,
    status: 'fail',
    reading: 'IAM does not allow this identity the call',
    note: 'IAM wording without the reason clause newer denials carry ("because no … policy allows", "with an explicit deny").'
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
    // Bedrock's own grammar refused the ID before looking it up. The probe checks the same grammar before any call
    // (src/bedrock/model-id.ts); this row is for a grammar AWS changed since.
    id: 'model-id-malformed',
    exceptions: ['ValidationException'],
    pattern: /Value '([^']*)' at '\w*[mM]odel(Id|Identifier|Arn)' failed to satisfy constraint/,
    status: 'fail',
    reading: 'Bedrock refused the model ID as not an identifier at all',
    sources: [
      'github.com/aws/aws-sdk-js-v3/issues/5665',
      'github.com/n8n-io/n8n/issues/9084',
      'github.com/continuedev/continue/issues/1749'
    ]
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
  }
  // The model's own failures (ModelErrorException, ModelNotReadyException, …) are faults, never a row here: the
  // request was authorized and no gate is closed (src/aws/failure.ts).
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
