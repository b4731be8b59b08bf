/**
 * Every cause of the region gate: whether the model or inference profile is offered where it is called, under the
 * ID given. Each entry holds the cause's words, the AWS messages that recognise it (`messages`: the catalogue's
 * rows, src/diagnosis/catalogue.ts) and its fix; changing a cause is changing its entry. Which cause applies is
 * decided by the gate's rules (src/gates/region.ts).
 */
import { choices } from '../support/text.js'
import type { CauseSpec, FixContext } from './types.js'

/** An unknown ID's first words: not in the region's catalogue, and the closest IDs that are. */
function didYouMean(ctx: FixContext): string {
  if (!ctx.nearest?.length) return ''
  const ids = choices(ctx.nearest.map(id => `\`${id}\``))
  return `${ctx.model} is not in ${ctx.region}'s catalogue of models; did you mean ${ids}? `
}

export const REGION_CAUSES = {
  'region-signature-scope': {
    gate: 'region',
    kind: 'closed',
    title: 'not a region Bedrock runs in',
    fix: ctx =>
      `Check the regions input and AWS_REGION: "${ctx.region}" must be a region where Amazon Bedrock runs.`,
    messages: [
      {
        // A region the signature names that AWS does not know (STS answers SignatureDoesNotMatch, Bedrock
        // InvalidSignatureException): the region gate's, though it is read with the signing rows.
        exceptions: ['InvalidSignatureException', 'SignatureDoesNotMatch'],
        pattern: /Credential should be scoped to a valid region/i,
        status: 'fail',
        reading: 'The request was signed for a region this endpoint does not accept',
        note: 'Region, not credentials: the keys may be sound; the region their signature names is not one AWS runs.'
      }
    ]
  },
  'region-not-offered': {
    gate: 'region',
    kind: 'closed',
    title: 'not offered in the region',
    fix: () => 'Use a region where the model is offered, or an inference profile that reaches it.'
  },
  'profile-not-found': {
    gate: 'region',
    kind: 'closed',
    title: 'no such inference profile here',
    fix: () =>
      "Cross-region profiles exist only in their geography's source regions (us. in US regions, eu. in EU regions, …); " +
      'pick a region of that geography or the profile for this one.',
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html']
  },
  'application-profile-not-found': {
    // An application inference profile is a resource of one account in one region (its ARN names both), not a
    // geography's: the system-defined profiles' advice does not apply (inference-profiles-create.html).
    gate: 'region',
    kind: 'closed',
    title: 'no such application inference profile',
    fix: ctx => {
      const [, , , region = ctx.region, account = 'ACCOUNT_ID'] = ctx.model.split(':')
      return (
        `An application inference profile belongs to one account and one region, those of its ARN (${account}, ` +
        `${region}): it is gone if it was deleted, and only credentials of that account find it. List the ` +
        `account's profiles with \`aws bedrock list-inference-profiles --type-equals APPLICATION --region ${region}\`, ` +
        'then use an ARN from that list, or create one (create-inference-profile) from the model or the ' +
        'system-defined profile it should copy.'
      )
    },
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-create.html']
  },
  'on-demand-unsupported': {
    gate: 'region',
    kind: 'closed',
    title: 'needs an inference profile',
    fix: () =>
      'Call it through an inference profile that contains it (IDs below), and allow that profile ARN in IAM.',
    messages: [
      {
        exceptions: ['ValidationException'],
        pattern: /on-demand throughput isn.t supported|doesn.t support on-demand throughput/i,
        status: 'fail',
        reading: 'This model cannot be invoked on demand by its base ID'
      }
    ]
  },
  'model-id-malformed': {
    gate: 'region',
    kind: 'closed',
    title: 'not a model identifier Bedrock accepts',
    fix: ctx =>
      `Bedrock refused "${ctx.groups[0] || ctx.model}" before looking it up: it is not a model ID, inference-profile ID ` +
      `or ARN in Bedrock's grammar. Copy the exact ID from \`aws bedrock list-foundation-models --region ${ctx.region}\` ` +
      '(or list-inference-profiles); call a foundation model by its ID, not by an ARN with extra suffixes.',
    sources: [
      'github.com/aws/api-models-aws (bedrock-runtime: ConversationalModelId, InvokeModelIdentifier)'
    ],
    messages: [
      {
        exceptions: ['ValidationException'],
        pattern: /Value '([^']*)' at '\w*[mM]odel(Id|Identifier|Arn)' failed to satisfy constraint/,
        status: 'fail',
        reading: 'Bedrock refused the model ID as not an identifier at all',
        sources: [
          'github.com/aws/aws-sdk-js-v3/issues/5665',
          'github.com/n8n-io/n8n/issues/9084',
          'github.com/continuedev/continue/issues/1749'
        ]
      }
    ]
  },
  'invalid-model-id': {
    gate: 'region',
    kind: 'closed',
    title: 'unknown model identifier',
    fix: ctx =>
      didYouMean(ctx) +
      `Check the ID with \`aws bedrock list-foundation-models --region ${ctx.region}\` (or list-inference-profiles); the model ` +
      'may not be offered in this region.',
    messages: [
      {
        exceptions: ['ValidationException'],
        pattern: /provided model identifier is invalid/i,
        status: 'fail',
        reading: 'Bedrock does not know this model ID in this region'
      }
    ]
  },
  'model-not-found': {
    gate: 'region',
    kind: 'closed',
    title: 'not found in the region',
    fix: ctx => `${didYouMean(ctx)}Check the ID and that it is offered in ${ctx.region}.`,
    messages: [
      {
        exceptions: ['ResourceNotFoundException'],
        pattern: /./,
        status: 'fail',
        reading: 'The model or profile was not found in this region'
      }
    ]
  }
} as const satisfies Record<string, CauseSpec>
