/**
 * Every cause of the model-access gate: whether the account is entitled to the model (AWS Marketplace, the
 * account's standing, the model's lifecycle). Each entry holds the cause's words, the AWS messages that recognise
 * it (`messages`: the catalogue's rows, src/diagnosis/catalogue.ts) and its fix; changing a cause is changing its
 * entry. Which cause applies is decided by the gate's rules (src/gates/model-access.ts).
 */
import { MODEL_ACCESS_GUIDE, ERROR_CODES_GUIDE } from './shared.js'
import {
  attachSnippets,
  BOOTSTRAP_POLICY,
  BOOTSTRAP_SAVED,
  MARKETPLACE_POLICY,
  MARKETPLACE_SAVED
} from './commands.js'
import type { CauseSpec, FixContext } from './types.js'

const MARKETPLACE_FIX =
  'Subscribing is a one-time step per account: grant the caller aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions ' +
  '(restrict Subscribe with the aws-marketplace:ProductId condition key), or run the probe once with create-agreement: true ' +
  'from such a role. After the first subscription every role in the account can invoke without them; allow up to 2 minutes.'

const LIFECYCLE_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html'

/**
 * Where to move a model that is ending: the ACTIVE successor of its provider and line in this region when
 * ListFoundationModels named one (through an inference profile when it is not on demand), else the lifecycle
 * page: never a guess.
 */
function moveTo({ successor, region }: FixContext): string {
  if (!successor)
    return (
      'Move to an active model of the same provider (the Bedrock model lifecycle page lists the recommended ' +
      `replacement; \`aws bedrock list-foundation-models --region ${region}\` shows what is ACTIVE here)`
    )
  const route =
    successor.onDemand === 'not-supported'
      ? ` (it is called through an inference profile: \`aws bedrock list-inference-profiles --region ${region}\` names it)`
      : ''
  return `Move to ${successor.id}, the newest ACTIVE model of the same line in ${region}${route}`
}

export const MODEL_ACCESS_CAUSES = {
  'not-entitled': {
    gate: 'model-access',
    kind: 'closed',
    title: 'not entitled',
    fix: ctx =>
      ctx.marketplace
        ? 'Create the model agreement: run with create-agreement: true from a role with aws-marketplace:Subscribe and ' +
          'aws-marketplace:ViewSubscriptions (one-time per account).'
        : 'First-party and open-weight models need no subscription: an SCP or a model-restricting policy may be hiding it.',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'agreement-create-failed': {
    gate: 'model-access',
    kind: 'closed',
    title: 'the agreement could not be created',
    // Refused for its own permissions: the statement it needs, once, never a loop back to itself.
    commands: ctx =>
      ctx.seen.some(detail => /not authorized to perform|AccessDenied/i.test(detail))
        ? [
            {
              label:
                'Policy for the one-time bootstrap (create-agreement: true); remove it after the first run',
              lang: 'json',
              code: JSON.stringify(BOOTSTRAP_POLICY, null, 2)
            },
            ...attachSnippets(ctx.principal, BOOTSTRAP_SAVED)
          ]
        : [],
    fix: () =>
      'create-agreement: true could not create the agreement. When AWS refused the identity (What was seen), give it ' +
      'the one-time bootstrap policy for one run (bedrock:ListFoundationModelAgreementOffers, ' +
      'bedrock:CreateFoundationModelAgreement and the AWS Marketplace subscribe actions), then remove it; or have an ' +
      'administrator create the agreement once with the commands under Provider terms.',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'payment-instrument': {
    gate: 'model-access',
    kind: 'closed',
    title: 'no valid payment method',
    fix: () =>
      'Not an IAM problem: add or repair a valid payment method (Billing and Cost Management → Payment preferences; ' +
      "an organisation's management account pays for its members), then retry after a few minutes.",
    messages: [
      {
        exceptions: ['AccessDeniedException', 'AccessDenied', 'ValidationException'],
        pattern: /INVALID_PAYMENT_INSTRUMENT|payment (instrument|method)/i,
        status: 'fail',
        reading: 'The AWS Marketplace subscription cannot be charged to this account',
        sources: ['github.com/Tracer-Cloud/opensre/pull/1812']
      }
    ]
  },
  'model-not-offered-to-account': {
    gate: 'model-access',
    kind: 'closed',
    title: 'AWS does not offer the model to this account',
    fix: ctx =>
      `No IAM policy, SCP or agreement opens this: AWS does not make ${ctx.baseModelId ?? ctx.model} available to this ` +
      'account. Ask AWS for it (AWS Sales, aws.amazon.com/contact-us/sales-support, or your account team), or use a ' +
      `model the account is offered (\`aws bedrock list-foundation-models --region ${ctx.region}\`).`,
    sources: ['github.com/anthropics/claude-code/issues/49238'],
    messages: [
      {
        exceptions: ['AccessDeniedException', 'ValidationException', 'ResourceNotFoundException'],
        pattern: /(\S+) is not available for this account|contact AWS Sales/i,
        status: 'fail',
        reading: 'AWS does not offer this model to this account (not an IAM or agreement matter)',
        sources: [
          'github.com/anthropics/claude-code/issues/49238 ("anthropic.claude-opus-4-7 is not available for this account. … contact AWS Sales at https://aws.amazon.com/contact-us/sales-support/")'
        ],
        note: 'Seen with AmazonBedrockFullAccess and AdministratorAccess alike: the account is refused, whatever its policies say.'
      }
    ]
  },
  'account-being-verified': {
    gate: 'model-access',
    kind: 'closed',
    title: 'the account is still being verified',
    fix: () =>
      'Wait: AWS verifies new accounts before they may call some models, and says so by email when it is done. If it ' +
      'takes more than a day, open an AWS Support case (Account and billing). No IAM policy, SCP or agreement changes this.',
    messages: [
      {
        exceptions: ['AccessDeniedException', 'ValidationException'],
        pattern: /account is (currently )?(being|under|pending) (verified|verification|review)/i,
        status: 'fail',
        reading: 'AWS is still verifying this account, and holds the model until it has',
        note:
          'The wording of users who quoted it ("Your account is currently being verified …"); a new account waits, ' +
          'and no policy or agreement shortens it.'
      }
    ]
  },
  'account-not-authorized': {
    gate: 'model-access',
    kind: 'closed',
    title: 'the account may not use the model here',
    fix: ctx =>
      `Check that model access is granted in ${ctx.region} (it is per region). If it is, the account itself is restricted: ` +
      'open an AWS Support case (Account and billing) or ask your AWS account team; no IAM policy changes this.',
    messages: [
      {
        exceptions: ['AccessDeniedException', 'ValidationException'],
        pattern: /Your account is not authorized to invoke this API operation/i,
        status: 'fail',
        reading: 'AWS does not let this account use the model here (an account-level restriction, not IAM)',
        sources: [
          'github.com/aws-samples/amazon-bedrock-workshop/issues/100',
          'github.com/aws-samples/amazon-bedrock-workshop/issues/109',
          'github.com/aws-samples/amazon-bedrock-audio-summarizer/issues/3'
        ]
      }
    ]
  },
  'marketplace-subscription-in-progress': {
    // Transient, by AWS's own table: neither a closed gate (nothing is wrong) nor a pass (the call was refused).
    gate: 'model-access',
    kind: 'unproven',
    title: 'the Marketplace subscription is still being processed',
    cell: 'pending',
    transient: true,
    headline: "AWS is still processing the account's Marketplace subscription: re-run in 15 minutes",
    fix: ctx =>
      `Nothing to change yet: AWS is still processing this account's AWS Marketplace subscription to ` +
      `${ctx.baseModelId ?? ctx.model}, and refuses calls until it is done. AWS says to try again after 15 minutes; ` +
      're-run the check then (nothing is created twice), or run it with create-agreement: true, which calls again ' +
      'until the subscription is through, up to wait-timeout-seconds. If it still says so after 15 minutes, the subscription is ' +
      'stuck: open an AWS Support case (Account and billing) naming the model and region. No IAM policy changes this.',
    sources: [ERROR_CODES_GUIDE, MODEL_ACCESS_GUIDE],
    messages: [
      {
        // AWS's table of Bedrock error codes (ERROR_CODES_GUIDE) names four account-level 403s by code and cause. The
        // code may reach the SDK as the error's name (an unmodelled type) or only in the words under an
        // AccessDeniedException, so each has a row by name and one by its words. The in-progress rows come first:
        // "Your account is not authorized to access this model. Your AWS Marketplace subscription … is still being
        // processed" also opens with the account-standing wording, and is transient, not a standing refusal.
        exceptions: ['MPAgreementBeingCreated'],
        pattern: /./,
        status: 'skip',
        reading: "AWS is still processing the account's AWS Marketplace subscription to this model",
        sources: [ERROR_CODES_GUIDE]
      },
      {
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
      }
    ]
  },
  'marketplace-agreement-stuck': {
    gate: 'model-access',
    kind: 'closed',
    title: 'the Marketplace agreement is still pending after 15 minutes',
    fix: ctx =>
      `The account's AWS Marketplace agreement for ${ctx.baseModelId ?? ctx.model} has not gone through in the 15 ` +
      `minutes AWS allows for it. See its state with \`aws bedrock get-foundation-model-availability --model-id ` +
      `${ctx.baseModelId ?? ctx.model} --region ${ctx.region}\`, check the account's payment method, and open an AWS ` +
      'Support case (Account and billing) if it stays pending. No IAM policy changes this.',
    sources: [ERROR_CODES_GUIDE],
    messages: [
      {
        exceptions: ['AccessDeniedException', 'AccessDenied', 'ValidationException'],
        pattern:
          /Marketplace Agreement (is )?(still )?Pending after 15 minutes|has not succeeded and it has been 15 minutes/i,
        status: 'fail',
        reading: "The account's AWS Marketplace agreement for this model is still pending after 15 minutes",
        sources: [ERROR_CODES_GUIDE]
      }
    ]
  },
  'account-standing': {
    gate: 'model-access',
    kind: 'closed',
    title: 'AWS has not authorized this account for the model',
    fix: ctx =>
      'No IAM policy, SCP or agreement opens this: AWS itself has not authorized this account to access ' +
      `${ctx.baseModelId ?? ctx.model} (an account-standing check AWS runs for Marketplace models). Open an AWS ` +
      `Support case (Account and billing) naming the model and ${ctx.region}, or ask your AWS account team.`,
    sources: [ERROR_CODES_GUIDE],
    messages: [
      {
        exceptions: ['BadCScoreException'],
        pattern: /./,
        status: 'fail',
        reading: 'AWS has not authorized this account to access the model (an account-standing check)',
        sources: [ERROR_CODES_GUIDE]
      },
      {
        exceptions: ['AccessDeniedException', 'AccessDenied', 'ValidationException'],
        pattern: /(Your|This|The) (AWS )?account is not authorized to (access|use|invoke) (this|the) model/i,
        status: 'fail',
        reading:
          'AWS has not authorized this account to access the model (an account-level refusal, not IAM)',
        sources: [ERROR_CODES_GUIDE],
        note:
          'AWS\'s cause for BadCScoreException ("Your account is not authorized to access this model"), whose fix is AWS ' +
          'Support; the "use"/"invoke" variants are the same sentence about the account, never about an IAM principal.'
      }
    ]
  },
  'account-operation-not-allowed': {
    gate: 'model-access',
    kind: 'closed',
    title: 'the account may not call Bedrock models',
    fix: () =>
      'Reported for new or flagged accounts pending verification: open an AWS Support case (Account and billing) or ask ' +
      'your AWS account team to lift it. No IAM policy, SCP or agreement changes this.',
    messages: [
      {
        exceptions: ['ValidationException', 'AccessDeniedException'],
        pattern: /^Operation not allowed\.?$/i,
        status: 'fail',
        reading: 'AWS does not allow this account to call Bedrock models (an account-level block, not IAM)',
        sources: [
          'github.com/aws/aws-cli/issues/8717',
          'github.com/langgenius/dify/issues/7488',
          'github.com/kirodotdev/Kiro/issues/11191'
        ]
      }
    ]
  },
  'marketplace-permissions': {
    gate: 'model-access',
    kind: 'closed',
    title: 'never subscribed, and no Marketplace permissions',
    // The Bedrock model-access guide's subscribe policy: needed once per account, for the first call (or
    // create-agreement) that subscribes; its ProductId condition needs the model's product ID, which only AWS's
    // table gives, so the label says where to restrict it rather than guessing.
    commands: ctx => [
      {
        label:
          'Policy for the one-time subscription (restrict Subscribe with the aws-marketplace:ProductId condition key; ' +
          'the Bedrock model-access guide lists each model’s product ID)',
        lang: 'json',
        code: JSON.stringify(MARKETPLACE_POLICY, null, 2)
      },
      ...attachSnippets(ctx.principal, MARKETPLACE_SAVED)
    ],
    fix: () => MARKETPLACE_FIX,
    sources: [MODEL_ACCESS_GUIDE, 'repost.aws/knowledge-center/bedrock-marketplace-access-denied'],
    messages: [
      {
        exceptions: ['AccessDeniedException', 'AccessDenied'],
        pattern: /Model access is denied due to .*(AWS Marketplace actions|aws-marketplace:)/i,
        status: 'fail',
        reading:
          'The model is not subscribed in this account, and this identity may not subscribe it (AWS Marketplace)'
      },
      {
        exceptions: ['AccessDeniedException', 'AccessDenied'],
        pattern: /not authorized to perform:? aws-marketplace:(\w+)/i,
        status: 'fail',
        reading: 'This identity may not subscribe the model through AWS Marketplace'
      }
    ]
  },
  'marketplace-subscription-failed': {
    gate: 'model-access',
    kind: 'closed',
    title: 'the automatic Marketplace subscription failed',
    fix: () =>
      'Bedrock subscribes a third-party model in AWS Marketplace on its first call, and that subscription failed for ' +
      'the reason AWS gives in the message (after "Model access is denied due to"). Fix that reason: the caller\'s ' +
      'aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions permissions, an SCP that denies aws-marketplace ' +
      "actions, the account's payment method, or a private marketplace that does not list the model. Then retry " +
      'after the minutes AWS names, or subscribe once with create-agreement: true from a role that may.',
    sources: [MODEL_ACCESS_GUIDE, 'repost.aws/knowledge-center/bedrock-resolve-marketplace-permission'],
    messages: [
      {
        exceptions: ['AccessDeniedException', 'AccessDenied', 'ValidationException'],
        pattern: /Marketplace Agreement failed|agreement failed due to an underlying issue/i,
        status: 'fail',
        reading: "The account's AWS Marketplace agreement for this model failed",
        sources: [ERROR_CODES_GUIDE]
      },
      {
        exceptions: ['AccessDeniedException', 'AccessDenied'],
        pattern:
          /Model access is denied due to|AWS Marketplace subscription for this model cannot be completed/i,
        status: 'fail',
        reading:
          "Bedrock's automatic AWS Marketplace subscription of this model failed, for the reason AWS gives",
        sources: [
          'repost.aws/knowledge-center/bedrock-resolve-marketplace-permission',
          'docs.aws.amazon.com/bedrock/latest/userguide/model-access.html ("If any prerequisites are missing, the subscription attempt fails and subsequent API calls will return AccessDeniedException")',
          'github.com/aws-solutions-library-samples/accelerated-intelligent-document-processing-on-aws/issues/124',
          'github.com/aws-samples/sample-host-openclaw-on-amazon-bedrock-agentcore/issues/41'
        ]
      }
    ]
  },
  'no-model-access': {
    gate: 'model-access',
    kind: 'closed',
    title: 'no access to the model',
    fix: ctx =>
      `Enable the model for the account in ${ctx.region}: run with create-agreement: true (third-party models), or open ` +
      'the Bedrock model catalog there. If access is granted, an SCP or a model-restricting policy may hide it.',
    messages: [
      {
        exceptions: ['AccessDeniedException'],
        pattern: /You don.t have access to the model with the specified model ID/i,
        status: 'fail',
        reading: 'The account has no access to this model in this region'
      }
    ]
  },
  'model-legacy': {
    gate: 'model-access',
    kind: 'caveat',
    title: 'a Legacy model',
    fix: ctx =>
      `${moveTo(ctx)} before the end-of-life date; an account that stops using a Legacy model loses access to it ` +
      '(after 15 to 30 days), and public extended access costs more.',
    sources: [LIFECYCLE_GUIDE]
  },
  'model-eol-soon': {
    gate: 'model-access',
    kind: 'caveat',
    title: 'end of life is near',
    fix: ctx => `${moveTo(ctx)} before the end-of-life date: after it the model can no longer be invoked.`,
    sources: [LIFECYCLE_GUIDE]
  },
  'model-legacy-inactive': {
    gate: 'model-access',
    kind: 'closed',
    title: 'a Legacy model this account stopped using',
    fix: ctx => `${moveTo(ctx)}: access to a Legacy model does not come back once it lapsed.`,
    sources: [LIFECYCLE_GUIDE],
    messages: [
      {
        exceptions: ['AccessDeniedException', 'ResourceNotFoundException', 'ValidationException'],
        pattern: /marked by provider as Legacy/i,
        status: 'fail',
        reading: 'Legacy model: access lapsed because the account has not used it recently'
      }
    ]
  },
  'model-end-of-life': {
    gate: 'model-access',
    kind: 'closed',
    title: 'end of life',
    fix: ctx => `${moveTo(ctx)}: the model can no longer be invoked.`,
    sources: [LIFECYCLE_GUIDE],
    messages: [
      {
        exceptions: ['ResourceNotFoundException', 'ValidationException', 'AccessDeniedException'],
        pattern: /reached the end of its life/i,
        status: 'fail',
        reading: 'End-of-life model: it can no longer be invoked'
      }
    ]
  }
} as const satisfies Record<string, CauseSpec>
