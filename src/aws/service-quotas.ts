/**
 * The Bedrock quotas of a region, from Service Quotas (awsJson1_1, service code `bedrock`): ListServiceQuotas (the
 * values applied to this account; "If the applied quota value is not available for a quota, the quota is not
 * retrieved") and ListAWSDefaultServiceQuotas (AWS's defaults), each read to its last page (NextToken), the two side
 * by side. One listing per region serves every check there (src/run/check.ts starts it with the checks, so it is
 * off the path of the other gates), and the whole listing is bounded by one deadline.
 * IAM: servicequotas:ListServiceQuotas and servicequotas:ListAWSDefaultServiceQuotas.
 */
import {
  ListAWSDefaultServiceQuotasCommand,
  ListServiceQuotasCommand,
  ServiceQuotasClient,
  type ServiceQuota as SdkServiceQuota
} from '@aws-sdk/client-service-quotas'
import type { ServiceQuota } from '../evidence.js'
import type { AwsFailure, QuotaListing, Read } from '../evidence.js'
import { withDeadline } from '../support/deadline.js'
import type { AwsClients } from './clients.js'
import { describeAwsError, toRead } from './failure.js'

/** The most quotas a page holds (the API's limit), and the most pages read before giving up on a listing. */
const PAGE_SIZE = 100
const MAX_PAGES = 50

export const QUOTA_PERMISSIONS = [
  'servicequotas:ListServiceQuotas',
  'servicequotas:ListAWSDefaultServiceQuotas'
]

export async function readBedrockQuotas(clients: AwsClients, region: string): Promise<Read<QuotaListing>> {
  const budget = clients.settings.requestTimeoutMs
  try {
    const [applied, defaults] = await withDeadline(
      Promise.all([
        allPages(clients, region, 'applied', 'servicequotas:ListServiceQuotas'),
        allPages(clients, region, 'defaults', 'servicequotas:ListAWSDefaultServiceQuotas')
      ]),
      budget,
      `listing the Bedrock quotas of ${region}`
    )
    if (applied.state !== 'ok') return applied
    if (defaults.state !== 'ok') return defaults
    return { state: 'ok', value: { applied: applied.value, defaults: defaults.value } }
  } catch (error) {
    return { state: 'failed', failure: describeAwsError(error) }
  }
}

async function allPages(
  clients: AwsClients,
  region: string,
  which: 'applied' | 'defaults',
  permission: string
): Promise<Read<ServiceQuota[]>> {
  const quotas: ServiceQuota[] = []
  let nextToken: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const input = {
      ServiceCode: 'bedrock',
      MaxResults: PAGE_SIZE,
      ...(nextToken ? { NextToken: nextToken } : {})
    }
    const outcome =
      which === 'applied'
        ? await clients.send(ServiceQuotasClient, region, new ListServiceQuotasCommand(input))
        : await clients.send(ServiceQuotasClient, region, new ListAWSDefaultServiceQuotasCommand(input))
    if (!outcome.ok) return toRead(outcome, permission) as Exclude<Read<ServiceQuota[]>, { state: 'ok' }>
    quotas.push(...(outcome.value.Quotas ?? []).flatMap(translate))
    nextToken = outcome.value.NextToken
    if (!nextToken) return { state: 'ok', value: quotas }
  }
  const failure: AwsFailure = {
    kind: 'fault',
    fault: 'malformed',
    name: 'MalformedResponse',
    message: `unreadable response: the quota listing did not end after ${MAX_PAGES} pages`
  }
  return { state: 'failed', failure }
}

/** One quota in the probe's words; a quota without a name or code is of no use to a match. */
function translate(quota: SdkServiceQuota): ServiceQuota[] {
  if (!quota.QuotaName || !quota.QuotaCode) return []
  const { PeriodValue, PeriodUnit } = quota.Period ?? {}
  return [
    {
      name: quota.QuotaName,
      code: quota.QuotaCode,
      // Listed with an ErrorReason and no value: unknown, never zero.
      ...(typeof quota.Value === 'number' ? { value: quota.Value } : {}),
      ...(quota.Adjustable !== undefined ? { adjustable: quota.Adjustable } : {}),
      ...(PeriodValue && PeriodUnit ? { period: `${PeriodValue} ${PeriodUnit}` } : {})
    }
  ]
}
