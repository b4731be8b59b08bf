/**
 * Every cause of the provider-terms gate: the provider's agreement and the Anthropic use-case form. Each entry
 * holds the cause's words, the AWS messages that recognise it (`messages`: the catalogue's rows,
 * src/diagnosis/catalogue.ts) and its fix; changing a cause is changing its entry. Which cause applies is decided
 * by the gate's rules (src/gates/provider-terms.ts).
 */
import { MODEL_ACCESS_GUIDE } from './shared.js'
import type { CauseSpec, CommandContext } from './types.js'

const DATA_RETENTION_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/data-retention.html'

/** What create-agreement: true would do, as AWS CLI commands, in each place. */
function createAgreementCommands(ctx: CommandContext) {
  return [
    {
      label: 'Or create the agreement with the AWS CLI, in each place',
      lang: 'sh' as const,
      code: ctx.places
        .map(
          ({ model, region }) =>
            `token=$(aws bedrock list-foundation-model-agreement-offers --model-id ${model} --region ${region} ` +
            `--query 'offers[0].offerToken' --output text)\n` +
            `aws bedrock create-foundation-model-agreement --model-id ${model} --offer-token "$token" --region ${region}`
        )
        .join('\n')
    }
  ]
}

export const PROVIDER_TERMS_CAUSES = {
  'not-needed': {
    gate: 'provider-terms',
    kind: 'open',
    title: 'nothing to accept',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'use-case-missing': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'no Anthropic use-case form',
    commands: ctx => {
      const regions = [...new Set(ctx.places.map(place => place.region))]
      const form = ctx.useCaseForm
      const where =
        form?.via === 'management-role'
          ? ` in the management account${form.account ? ` ${form.account}` : ''}, with its credentials (member accounts inherit it)`
          : ''
      return [
        {
          label:
            `Submit Anthropic's use-case form${where} (use-case.json holds the same JSON as the use-case-form input), or run with ` +
            'create-agreement: true',
          lang: 'sh',
          code: regions
            .map(
              region =>
                // The CLI takes the form as base64 of its JSON (Bedrock user guide, "Manage model access using SDK and CLI").
                `aws bedrock put-use-case-for-model-access --form-data "$(base64 < use-case.json | tr -d '\\n')" --region ${region}`
            )
            .join('\n')
        }
      ]
    },
    fix: () =>
      "Run the probe with create-agreement: true and use-case-form (once per account, or once in the organisation's " +
      'management account; again in opt-in regions), then allow up to 15 minutes.',
    sources: [MODEL_ACCESS_GUIDE],
    messages: [
      {
        exceptions: ['ResourceNotFoundException', 'AccessDeniedException', 'ValidationException'],
        pattern: /use case details have not been submitted/i,
        status: 'fail',
        reading: "Anthropic's use-case (first-time-use) form has not been submitted for this account"
      },
      {
        exceptions: ['ValidationException', 'AccessDeniedException', 'ResourceNotFoundException'],
        pattern:
          /not (yet )?filled out the (required )?use[- ]case form|use[- ]case form (has not|is not|was not)/i,
        status: 'fail',
        reading: "Anthropic's use-case (first-time-use) form has not been submitted for this account",
        sources: [
          'github.com/truefoundry/models/issues/934 ("The model returned the following errors: You have not filled out the required use-case form for this model …")'
        ]
      }
    ]
  },
  'no-offer': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'no public offer',
    fix: () =>
      'Check the model ID and region; private offers need to be accepted in the AWS Marketplace console.'
  },
  'wait-timed-out': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'access did not go live in time',
    fix: () =>
      'AWS says access can take up to 15 minutes to settle: re-run later (nothing will be created twice), or raise wait-timeout-seconds.',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'not-authorized': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'the provider has not authorized the account',
    fix: () => 'Review the provider terms for this model in the Bedrock console.'
  },
  'agreement-pending': {
    gate: 'provider-terms',
    kind: 'unproven',
    title: 'the agreement is being set up',
    cell: 'pending',
    fix: () =>
      'The subscription is being set up: access usually settles in about 2 minutes and can take up to 15. Calls may succeed now and fail later if a prerequisite is missing.',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'agreement-error': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'the agreement is in error',
    fix: () =>
      'Check the AWS account has a valid payment method for AWS Marketplace, then delete and re-create the agreement.'
  },
  'agreement-missing': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'no provider agreement',
    commands: ctx => createAgreementCommands(ctx),
    fix: () =>
      "Run with create-agreement: true (this accepts the provider EULA on the account's behalf), or have a role with " +
      'aws-marketplace:Subscribe invoke the model once (that first call accepts it).',
    sources: [MODEL_ACCESS_GUIDE],
    messages: [
      {
        exceptions: ['AccessDeniedException', 'ValidationException', 'ResourceNotFoundException'],
        pattern:
          /does not have an agreement (to|for) this model|no (model )?agreement (exists )?for this model/i,
        status: 'fail',
        reading: 'The account has no provider agreement for this model',
        note:
          'Provider terms, not model access: one root cause closes one gate, and the entitlement follows the agreement ' +
          '(the gate a missing agreement is fixed at).'
      }
    ]
  },
  'agreement-not-created': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'no provider agreement (create-agreement could not create it)',
    commands: ctx => createAgreementCommands(ctx),
    fix: () =>
      'create-agreement: true ran and could not create the agreement (the Model access fix says why and gives the ' +
      'bootstrap policy); or have an administrator create it once with these commands.',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'agreement-unknown': {
    gate: 'provider-terms',
    kind: 'unproven',
    title: 'an agreement state AWS has not documented',
    cell: 'unknown'
  },
  'govcloud-terms-elsewhere': {
    gate: 'provider-terms',
    kind: 'closed',
    title: "the terms belong to the GovCloud account's standard account",
    fix: () =>
      'A GovCloud account cannot accept model terms itself: sign in to the standard AWS account associated with it ' +
      'and create the agreement (and the Anthropic use-case form) there, in us-east-1 or us-west-2 (run the probe with ' +
      'create-agreement: true against that account), then re-run here.',
    sources: ['ferkakta.dev/govcloud-bedrock-model-graveyard'],
    messages: [
      {
        exceptions: ['*'],
        pattern: /GovCloud account \S+ cannot perform this operation.*(standard|commercial) AWS account/i,
        status: 'fail',
        reading:
          'A GovCloud account takes its model agreement (and the Anthropic form) from its associated standard account',
        sources: ['ferkakta.dev/govcloud-bedrock-model-graveyard']
      }
    ]
  },
  'data-retention-mode-refused': {
    // A provider's terms, not an IAM matter: some models (Claude Fable 5 and Mythos 5 first) are served only when the
    // account's data retention mode in the region lets their provider's retention apply. The mode is an account
    // setting (Get/PutAccountDataRetention), per region; nothing in the request changes it.
    gate: 'provider-terms',
    kind: 'closed',
    title: "the account's data retention mode does not allow this model",
    fix: ctx => {
      const mode = ctx.groups[0] ? `'${ctx.groups[0]}'` : 'the one set'
      return (
        `The account's data retention mode in ${ctx.region} (${mode}) is not one ${ctx.baseModelId ?? ctx.model} is ` +
        'served under: its terms require its data to be retained (its model card names the modes it accepts, ' +
        `typically provider_data_share). See the mode with \`aws bedrock get-account-data-retention --region ${ctx.region}\`. ` +
        "Changing it is for whoever owns the account's data governance to decide (the probe never changes it): " +
        `\`aws bedrock put-account-data-retention --mode provider_data_share --region ${ctx.region}\` shares request ` +
        "data under the provider's terms, needs bedrock:PutAccountDataRetention and applies to that region only. " +
        'Or use a model your mode allows. No IAM policy changes this.'
      )
    },
    sources: [
      DATA_RETENTION_GUIDE,
      'docs.aws.amazon.com/bedrock/latest/APIReference/API_PutAccountDataRetention.html'
    ],
    messages: [
      {
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
      }
    ]
  },
  'provider-country-unsupported': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'not served from where this runner is',
    fix: () =>
      "Anthropic's terms allow use only from supported countries (anthropic.com/supported-countries), judged by where the " +
      'request comes from: run the job on a runner in a supported country, not only against a supported AWS region.',
    messages: [
      {
        exceptions: ['ValidationException', 'AccessDeniedException'],
        pattern: /not allowed from unsupported countries, regions, or territories/i,
        status: 'fail',
        reading:
          "The provider does not serve requests from where this runner is (Anthropic's supported countries)",
        sources: [
          'github.com/aws-samples/generative-bi-using-rag/issues/361',
          'github.com/anthropics/claude-code/issues/2656'
        ]
      }
    ]
  }
} as const satisfies Record<string, CauseSpec>
