/**
 * Every cause of the IAM permission gate: whether the caller's policies (identity, SCP, session, explicit Deny)
 * let the calls through. Each entry holds the cause's words, the AWS messages that recognise it (`messages`: the
 * catalogue's rows, src/diagnosis/catalogue.ts) and its fix; changing a cause is changing its entry. Which cause
 * applies is decided by the gate's rules (src/gates/iam-permission.ts).
 */
import type { CauseSpec } from './types.js'

const PROMPT_CACHING_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html'

const API_KEYS_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html'

export const IAM_PERMISSION_CAUSES = {
  'bearer-denied-scp': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'API keys denied by an SCP',
    fix: () =>
      'Your organization denies bedrock:CallWithBearerToken (AWS publishes an SCP that blocks API keys), and no IAM ' +
      'policy overrides an SCP: ask your AWS Organizations administrators to exempt this account, or sign with IAM ' +
      'credentials instead (unset AWS_BEARER_TOKEN_BEDROCK and use role-to-assume or the runner role).',
    sources: [API_KEYS_GUIDE],
    messages: [
      {
        // The API key's action. Judgement call: the IAM-permission gate, not credentials. Bedrock recognised the key and
        // named its principal ("User: … is not authorized to perform: bedrock:CallWithBearerToken"): the caller is
        // authenticated, and what is refused is one action, evaluated like bedrock:InvokeModel (identity policies, SCPs).
        // So the fix is a policy statement, or for an SCP the organisation's administrators; these rows come before the
        // general IAM rows, which would match the same words.
        exceptions: ['AccessDeniedException'],
        pattern:
          /not authorized to perform: bedrock:CallWithBearerToken .*explicit deny in a service control policy/i,
        status: 'fail',
        reading: 'A service control policy forbids Bedrock API keys in this account',
        sources: [
          'docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html',
          'github.com/aws-samples/service-control-policy-examples (Deny-Bedrock-api-keys.json)'
        ]
      }
    ]
  },
  'bearer-not-permitted': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'API keys not permitted',
    statement: 'bearer-token',
    fix: () =>
      'Allow bedrock:CallWithBearerToken (statement below) for the IAM user of a long-term key, or for the identity ' +
      'that generated a short-term key; if a policy denies it, remove that Deny. Or unset AWS_BEARER_TOKEN_BEDROCK and ' +
      'sign with IAM credentials.',
    sources: [API_KEYS_GUIDE],
    messages: [
      {
        exceptions: ['AccessDeniedException'],
        pattern: /not authorized to perform: bedrock:CallWithBearerToken/i,
        status: 'fail',
        reading: 'The principal behind the API key may not use API keys (bedrock:CallWithBearerToken)',
        sources: ['docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html']
      }
    ]
  },
  'iam-scp-deny': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'a service control policy denies the call',
    fix: ctx =>
      `An IAM policy cannot override an SCP. Ask your AWS Organizations administrators to allow ${ctx.groups[0]} on ` +
      `${ctx.groups[1]} for this account (` +
      (/^arn:[\w-]+:bedrock:::/.test(ctx.groups[1] ?? '')
        ? 'a global inference profile is authorized with aws:RequestedRegion "unspecified": an SCP that restricts regions must allow that value for Bedrock, or use a geographic profile instead).'
        : 'SCPs that restrict regions must allow every destination region of an inference profile).'),
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html'],
    messages: [
      {
        exceptions: ['AccessDeniedException'],
        pattern:
          /not authorized to perform: (\S+) on resource: (\S+) with an explicit deny in a service control policy/i,
        status: 'fail',
        reading: 'A service control policy (SCP) explicitly denies this call'
      }
    ]
  },
  'iam-explicit-deny': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'a policy denies the call',
    fix: ctx =>
      `Remove or narrow the Deny for ${ctx.groups[0]} on ${ctx.groups[1]} in the ${ctx.groups[2]} policy: an Allow ` +
      'cannot override an explicit Deny.',
    messages: [
      {
        exceptions: ['AccessDeniedException'],
        pattern:
          /not authorized to perform: (\S+) on resource: (\S+) with an explicit deny in an? ([\w -]+?) policy/i,
        status: 'fail',
        reading: 'A policy explicitly denies this call'
      }
    ]
  },
  'iam-no-allow': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'no policy allows the call',
    statement: 'invoke',
    fix: () =>
      'Allow the calls for this identity with the policy below (bedrock:InvokeModel covers Converse and InvokeModel, ' +
      'bedrock:InvokeModelWithResponseStream covers ConverseStream and InvokeModelWithResponseStream).',
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/inference-prereq.html'],
    messages: [
      {
        exceptions: ['AccessDeniedException'],
        pattern: /not authorized to perform: (\S+) on resource: (\S+) because no ([\w -]+?) policy allows/i,
        status: 'fail',
        reading: 'No IAM policy allows this identity to invoke the model'
      }
    ]
  },
  'iam-denied': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'access denied',
    statement: 'invoke',
    fix: ctx =>
      `IAM does not allow ${ctx.groups[0] || 'the call'} for this identity: attach the statement below. If it is already ` +
      'attached, a permissions boundary, a session policy or an SCP denies it: check those.',
    messages: [
      {
        exceptions: ['AccessDeniedException', 'AccessDenied'],
        pattern: /is not authorized to perform:? (\S+)/i,
        status: 'fail',
        reading: 'IAM does not allow this identity the call',
        note: 'IAM wording without the reason clause newer denials carry ("because no … policy allows", "with an explicit deny").'
      }
    ]
  },
  'iam-list-denied': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'inference profiles may not be listed',
    statement: 'list-profiles',
    fix: () =>
      'Claude Code lists inference profiles to resolve its models: allow bedrock:ListInferenceProfiles (statement below).',
    sources: ['code.claude.com/docs/en/amazon-bedrock (IAM configuration)']
  },
  'unrecognised-refusal': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'a refusal the probe does not recognise',
    fix: () =>
      'The workload would be refused the same way. The probe cannot name the gate, so it suggests no policy: search the ' +
      'exact message above in the Bedrock troubleshooting guide and AWS re:Post, and please report it to ' +
      'bedrock-access-probe with the message so the probe can name its gate.'
  },
  'probe-request-rejected': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: "the model refused the probe's request",
    cell: 'request',
    fix: () =>
      'Not an access verdict: please report the message to bedrock-access-probe so the minimal request can be adapted ' +
      'to this model. Access could not be proven with a call.',
    messages: [
      {
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
      }
    ]
  },
  'prompt-caching-refused': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'the request asked for prompt caching the model does not allow',
    cell: 'caching',
    fix: ctx =>
      `Not an access verdict: Bedrock refused prompt caching for this request (cache checkpoints on a model, or in a ` +
      `region, where prompt caching is not offered). The probe sends no cache checkpoint itself: if a gateway or ` +
      `proxy between the runner and Bedrock adds them, turn its caching off for ${ctx.baseModelId ?? ctx.model}. ` +
      'For the workload, send cachePoint (cache_control) only to the models the prompt-caching guide lists.',
    sources: [PROMPT_CACHING_GUIDE],
    messages: [
      {
        exceptions: ['ValidationException', 'AccessDeniedException'],
        pattern: /did not allow prompt caching|prompt caching is not (?:supported|enabled|available)/i,
        status: 'skip',
        reading: 'Bedrock refused prompt caching for this request (the model or region does not offer it)',
        sources: [
          'github.com/cline/cline/issues/2064 ("400 You invoked an unsupported model or your request did not allow prompt caching.")',
          'github.com/microsoft/vscode/issues/296675',
          'github.com/posit-dev/positron/issues/12142'
        ]
      }
    ]
  },
  'not-text-model': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'the model does not take this call',
    cell: 'not text',
    fix: () =>
      'Nothing to fix for access; the probe could not prove the IAM gate with a call for this model type.',
    messages: [
      {
        exceptions: ['ValidationException'],
        pattern:
          /(doesn.t|does not) support the model|model (is )?not supported for this (action|operation)/i,
        status: 'skip',
        reading: 'The model does not take Converse (not an access failure)'
      }
    ]
  },
  'refused-earlier': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'refused at an earlier gate',
    cell: 'refused'
  },
  'invoke-disabled': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'not called (invoke: false)',
    cell: 'not called',
    byDesign: true,
    nextStep:
      'Set invoke: true (only a call proves the IAM gate), or grant the control-plane reads so every other gate reads open.'
  },
  'media-model': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'not called (billed per image or clip)',
    cell: 'not called',
    byDesign: true,
    nextStep:
      'Image and video models are not called (each call is billed); grant the control-plane reads so their gates read open.'
  },
  'would-accept-eula': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: "not called (a first call would accept the provider's terms)",
    cell: 'not called'
  },
  'agreement-unreadable': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'not called (the agreement could not be read)',
    cell: 'not called',
    headline:
      "The provider agreement could not be read, so the probe did not call (it could accept the provider's terms)",
    nextStep:
      'Grant bedrock:GetFoundationModelAvailability (read-only), or use role-to-assume, whose session policy keeps the ' +
      "call from accepting a provider's terms."
  },
  'embedding-unknown': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'no minimal request is known for this embedding model',
    cell: 'not called',
    nextStep: 'Report the model to bedrock-access-probe: no minimal request is known for it yet.'
  },
  'invoke-body-unknown': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'no minimal InvokeModel body is known for this model',
    cell: 'not called',
    nextStep:
      'Add converse to calls (every text model answers it), or report the model family to bedrock-access-probe.'
  },
  'call-not-applicable': {
    gate: 'iam-permission',
    kind: 'open',
    title: 'the call does not apply to this model'
  },
  'bootstrap-incomplete': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'not called (access is not live yet)',
    cell: 'not called',
    nextStep: 'Re-run once access has settled (up to 15 minutes after it was granted).'
  }
} as const satisfies Record<string, CauseSpec>
