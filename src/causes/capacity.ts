/**
 * Every cause of the capacity gate: whether there are tokens for the job today (Service Quotas, throttling,
 * service tiers). Each entry holds the cause's words, the AWS messages that recognise it (`messages`: the
 * catalogue's rows, src/diagnosis/catalogue.ts) and its fix; changing a cause is changing its entry. Which cause
 * applies is decided by the gate's rules (src/gates/capacity.ts).
 */
import type { CauseSpec, FixContext } from './types.js'

const SERVICE_TIERS_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/service-tiers-inference.html'

const QUOTAS_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/quotas-runtime.html'

const QUOTA_INCREASE_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/quotas-increase.html'

/**
 * How to raise a quota: the Service Quotas command for an adjustable one (asking for `desired`), AWS Support for
 * one that is not; and Bedrock's own route, where asking for the cross-Region tokens-per-minute quota lets AWS
 * Support raise the related ones with it (Bedrock user guide, "Request an increase for Amazon Bedrock quotas").
 */
function raiseQuota({ quota, region }: FixContext): string {
  if (!quota) return 'Raise the quota in Service Quotas (Amazon Bedrock) for this model and region.'
  const route =
    ' For Bedrock, ask for the "Cross-region model inference tokens per minute" quota of the model (formerly "Cross-Region InvokeModel tokens per minute"): AWS Support then offers to raise the related ones (on-demand tokens per minute, tokens per day) with it.'
  if (quota.adjustable === false)
    return (
      `${quota.name} (${quota.code}) is not adjustable in Service Quotas: open an AWS Support case (Service limit ` +
      `increase, Amazon Bedrock, ${region}) for it.${route}`
    )
  return (
    `Request ${quota.desired ?? quota.default ?? 'a higher value'} for ${quota.name} (${quota.code}) in ${region} ` +
    `(aws service-quotas request-service-quota-increase, or the Service Quotas console).${route}`
  )
}

export const CAPACITY_CAUSES = {
  'daily-tokens-exhausted': {
    gate: 'capacity',
    kind: 'closed',
    title: 'no tokens left for today',
    fix: ctx =>
      'The account has used its tokens for the day for this model (new accounts can get reduced daily quotas): wait ' +
      `for the daily window to pass, or raise the quota. ${raiseQuota(ctx)}`,
    sources: [
      QUOTAS_GUIDE,
      'github.com/minorun365/agent-book/issues/29 ("Too many tokens per day, please wait before trying again.")'
    ]
  },
  'quota-zero': {
    gate: 'capacity',
    kind: 'closed',
    title: 'a quota of 0 tokens per minute',
    fix: ctx => `No call can be served until the quota is raised. ${raiseQuota(ctx)}`,
    sources: [QUOTAS_GUIDE, 'github.com/cline/cline/issues/4196 ("quotas being set by Amazon to 0")']
  },
  'quota-below-need': {
    gate: 'capacity',
    kind: 'closed',
    title: 'fewer tokens per minute than the workload needs',
    fix: ctx => `Raise the quota to what the workload needs (min-tokens-per-minute). ${raiseQuota(ctx)}`,
    sources: [QUOTAS_GUIDE]
  },
  'quota-exceeded': {
    gate: 'capacity',
    kind: 'closed',
    title: 'the request exceeds a quota',
    fix: ctx => `The request was authorized, then refused for a quota. ${raiseQuota(ctx)}`,
    sources: [
      'docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html (ServiceQuotaExceededException)'
    ],
    messages: [
      {
        exceptions: ['ServiceQuotaExceededException'],
        pattern: /./,
        status: 'fail',
        reading: 'A service quota was exceeded after the request was authorized'
      }
    ]
  },
  'quota-reduced': {
    gate: 'capacity',
    kind: 'caveat',
    title: 'a quota below AWS default',
    fix: ctx =>
      `The account's quota is below AWS's default (reduced for new accounts, and by usage and payment history). ${raiseQuota(ctx)}`,
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/quotas.html', QUOTA_INCREASE_GUIDE]
  },
  throttled: {
    gate: 'capacity',
    kind: 'caveat',
    title: 'throttled (the quota is in use or small)',
    fix: ctx =>
      'Access is in place; the call was throttled after retries, so the tokens per minute are in use by other work or ' +
      `small. Re-run later, or raise the quota. ${raiseQuota(ctx)}`,
    sources: [
      'github.com/anthropics/claude-code/issues/236 ("Too many tokens, please wait before trying again.")'
    ]
  },
  'service-tier-reservation-missing': {
    gate: 'capacity',
    kind: 'closed',
    title: 'no reservation for the reserved tier',
    fix: ctx =>
      `The calls asked for the reserved service tier, and the account has no Reserved tier capacity for ` +
      `${ctx.baseModelId ?? ctx.model} in ${ctx.region}: every such request fails. Reserved capacity is arranged ` +
      'through your AWS account team; until then send priority, default or flex (service-tier), or none.',
    sources: [SERVICE_TIERS_GUIDE, 'github.com/envoyproxy/ai-gateway/pull/1749 ("Reservation not found.")'],
    messages: [
      {
        exceptions: ['ValidationException'],
        pattern: /Reservation not found/i,
        status: 'fail',
        reading: 'The reserved service tier was asked for, and the account holds no reservation for it',
        sources: [
          'github.com/envoyproxy/ai-gateway/pull/1749',
          'github.com/NousResearch/hermes-agent/pull/34476 (serviceTier=reserved → "ValidationException: Reservation not found.")'
        ]
      }
    ]
  },
  'service-tier-unsupported': {
    gate: 'capacity',
    kind: 'closed',
    title: 'a service tier the model does not offer',
    fix: ctx =>
      `${ctx.baseModelId ?? ctx.model} in ${ctx.region} is not served in the ` +
      `${ctx.serviceTier ? `${ctx.serviceTier} ` : ''}service tier the calls asked for, so every such request ` +
      'fails. The Bedrock user guide lists the tiers each model offers (priority and flex on some models only); send ' +
      'one of those, or none (the standard tier every model offers).',
    sources: [SERVICE_TIERS_GUIDE, 'github.com/NousResearch/hermes-agent/pull/34476'],
    messages: [
      {
        exceptions: ['ValidationException'],
        pattern: /service[ _-]?tier/i,
        status: 'fail',
        reading: 'The model is not served in the service tier the calls asked for',
        sources: [
          'docs.aws.amazon.com/bedrock/latest/userguide/service-tiers-inference.html',
          'github.com/strands-agents/harness-sdk/pull/1799',
          'github.com/NousResearch/hermes-agent/pull/34476'
        ]
      }
    ]
  },
  'quota-read-denied': {
    gate: 'capacity',
    kind: 'unproven',
    title: 'Service Quotas may not be read',
    cell: 'quotas',
    fix: () =>
      'Grant servicequotas:ListServiceQuotas and servicequotas:ListAWSDefaultServiceQuotas (read-only) to see the quotas ' +
      'the workload runs against.'
  },
  'quota-unknown': {
    gate: 'capacity',
    kind: 'unproven',
    title: 'no quota found for this model',
    cell: 'quota?'
  }
} as const satisfies Record<string, CauseSpec>
