/**
 * Least-privilege IAM for the minimal calls: the actions of the calls the workload makes (bedrock:InvokeModel
 * authorises Converse and InvokeModel, bedrock:InvokeModelWithResponseStream the streaming ones) on exactly the
 * ARNs the request touches. For an inference profile that is the profile ARN plus the foundation-model
 * ARN in every destination region the profile routes to.
 */
import { foundationModelArn, partitionOf } from './model-id.js'
import type { IamStatement } from '../types.js'

export interface IamTarget {
  region: string
  account?: string
  baseModelId?: string
  /** For profiles: the ID (system-defined) or ARN (application profiles). */
  profileId?: string
  profileArn?: string
  /** Foundation-model ARNs the profile lists (one per destination region). */
  profileModelArns?: string[]
  /** The IAM actions of the calls the workload makes (src/bedrock/calls.ts); default bedrock:InvokeModel. */
  actions?: string[]
}

export function invokeStatement(target: IamTarget): IamStatement {
  const resources: string[] = []
  if (target.profileId !== undefined) {
    resources.push(
      target.profileArn ??
        `arn:${partitionOf(target.region)}:bedrock:${target.region}:${target.account ?? 'ACCOUNT_ID'}:inference-profile/${target.profileId}`
    )
    if (target.profileModelArns && target.profileModelArns.length > 0) {
      resources.push(...target.profileModelArns)
    } else if (target.baseModelId) {
      // Destinations unknown (GetInferenceProfile not readable): every region, for this one model only.
      resources.push(`arn:${partitionOf(target.region)}:bedrock:*::foundation-model/${target.baseModelId}`)
    }
    // A global profile routes to any commercial region, and its authorization also names the foundation model
    // with no region at all (arn:aws:bedrock:::foundation-model/…, as a denied global call reports it), besides
    // the regional ARNs (Bedrock user guide, global cross-Region inference).
    if (target.baseModelId && isGlobalProfile(target.profileId))
      resources.push(`arn:${partitionOf(target.region)}:bedrock:::foundation-model/${target.baseModelId}`)
  } else if (target.baseModelId) {
    resources.push(foundationModelArn(target.region, target.baseModelId))
  }
  return {
    Sid: sidFor(target.profileId ?? target.baseModelId ?? 'model', target.region),
    Effect: 'Allow',
    Action: target.actions && target.actions.length > 0 ? target.actions : ['bedrock:InvokeModel'],
    Resource: [...new Set(resources)]
  }
}

/**
 * One policy document for every failing check: one statement per set of actions (invoking, listing profiles),
 * resources merged and sorted, so no action is granted on a resource it was not needed for.
 */
export function combinedPolicy(statements: IamStatement[]): string {
  if (statements.length === 0) return ''
  const byActions = new Map<string, Set<string>>()
  for (const statement of statements) {
    const key = [...new Set(statement.Action)].sort().join(',')
    const resources = byActions.get(key) ?? new Set<string>()
    for (const resource of statement.Resource) resources.add(resource)
    byActions.set(key, resources)
  }
  const policy = {
    Version: '2012-10-17',
    Statement: [...byActions.entries()].map(([actions, resources]) => ({
      Sid: actions.includes('Invoke')
        ? 'BedrockAccessProbeInvoke'
        : actions.includes('CallWithBearerToken')
          ? 'BedrockAccessProbeBearerToken'
          : 'BedrockAccessProbeListProfiles',
      Effect: 'Allow',
      Action: actions.split(','),
      Resource: [...resources].sort()
    }))
  }
  return JSON.stringify(policy, null, 2)
}

function isGlobalProfile(profileId: string): boolean {
  return profileId.startsWith('global.') || /:inference-profile\/global\./.test(profileId)
}

function sidFor(id: string, region: string): string {
  const words = `${id} ${region}`.split(/[^A-Za-z0-9]+/).filter(Boolean)
  return ('Invoke' + words.map(word => word[0]!.toUpperCase() + word.slice(1)).join('')).slice(0, 100)
}
