/**
 * Model identifiers as users write them: base model IDs, inference-profile IDs and Bedrock ARNs.
 * Pure parsing, no AWS calls; a malformed identifier is refused here, before anything runs.
 */
import { partition } from '@aws-sdk/core/client'
import type { Modality } from '../evidence.js'
import { choices } from '../support/text.js'

/** Geography prefixes of system-defined (cross-region) inference profiles. */
export const PROFILE_PREFIXES = ['us', 'us-gov', 'eu', 'apac', 'jp', 'au', 'ca', 'global'] as const

/**
 * Providers whose models are not sold through AWS Marketplace: no agreement, no aws-marketplace
 * permissions, no use-case form (model-access user guide).
 */
export const NON_MARKETPLACE_PROVIDERS = new Set(['amazon', 'deepseek', 'mistral', 'meta', 'qwen', 'openai'])

export type ModelRef =
  | {
      kind: 'foundation-model'
      input: string
      baseModelId: string
      /** ARNs carry their region: the model is probed there only. */
      pinnedRegion?: string
    }
  | {
      kind: 'inference-profile'
      input: string
      /** Profile ID (system-defined) or full ARN (application profiles), as GetInferenceProfile takes it. */
      profileId: string
      /** The base model ID the profile most likely routes to; confirmed with GetInferenceProfile. */
      baseModelGuess?: string
      pinnedRegion?: string
      pinnedAccount?: string
    }

const MODEL_ID = /^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9._:-]*$/i
/**
 * The syntax of a region code (us-east-1, us-gov-west-1, us-isob-east-1, eusc-de-east-1, …). Which partition a
 * region belongs to comes from the SDK's own partition data (partitionOf); whether a well-formed region exists
 * is AWS's answer ("Credential should be scoped to a valid region", the region gate).
 */
export const REGION_SHAPE = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/
const ACCOUNT_ID = /^\d{12}$/
const MAX_ID_LENGTH = 256

export class ModelIdError extends Error {
  /** The fix, when it is more precise than "copy the exact ID". */
  readonly fix?: string
  constructor(message: string, fix?: string) {
    super(message)
    if (fix !== undefined) this.fix = fix
  }
}

/**
 * The grammar the Bedrock runtime checks a modelId against before it looks the model up (Converse and
 * ConverseStream: ConversationalModelId; InvokeModel and InvokeModelWithResponseStream: InvokeModelIdentifier; the
 * Smithy model in github.com/aws/api-models-aws, bedrock-runtime-2023-09-30.json), the one behind "1 validation error
 * detected: Value '…' at 'modelId' failed to satisfy constraint: Member must satisfy regular expression pattern"
 * (aws/aws-sdk-js-v3#5665, n8n-io/n8n#9084). The service matches the whole value, as those reports show: a value
 * that the pattern's looser alternatives would find inside (e.g. `…:0:28k` in a foundation-model ARN) is refused.
 * Only the alternatives the probe takes are kept (the prompt, prompt-router and SageMaker endpoint ARNs are not
 * models to probe); both operations' patterns agree on these.
 */
const BEDROCK_MODEL_ID_GRAMMAR = new RegExp(
  '^(?:' +
    [
      'arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(' +
        [
          '([0-9]{12}:custom-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}/[a-z0-9]{12})',
          '(:foundation-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))',
          '([0-9]{12}:imported-model/[a-z0-9]{12})',
          '([0-9]{12}:provisioned-model/[a-z0-9]{12})',
          '([0-9]{12}:(inference-profile|application-inference-profile)/[a-zA-Z0-9-:.]+)'
        ].join('|') +
        ')',
      '[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63})',
      '([0-9a-zA-Z][_-]?)+',
      '[a-zA-Z0-9-:.]+'
    ].join('|') +
    ')$'
)
const BEDROCK_MODEL_ID_MAX_LENGTH = 2048

/** Parse one identifier; throws ModelIdError with a one-line reason. */
export function parseModelRef(raw: string): ModelRef {
  const ref = parseShape(raw)
  if (ref.input.length > BEDROCK_MODEL_ID_MAX_LENGTH || !BEDROCK_MODEL_ID_GRAMMAR.test(ref.input)) {
    const bare = ref.kind === 'foundation-model' && ref.input.startsWith('arn:') ? ref.baseModelId : undefined
    throw new ModelIdError(
      'is not an identifier Bedrock accepts: the Bedrock runtime refuses it before looking it up (its modelId grammar: ' +
        'provider.model with at most one version suffix in a foundation-model ARN, letters, digits, "-", ":" and "." in an ID)',
      bare && bare === bare.toLowerCase() && BEDROCK_MODEL_ID_GRAMMAR.test(bare)
        ? `Call the model by its ID instead of the ARN: ${bare}`
        : 'Copy the exact ID from `aws bedrock list-foundation-models` or `aws bedrock list-inference-profiles`.'
    )
  }
  return ref
}

/** The identifier's shape: which kind of model reference it is, or the one-line reason it is none. */
function parseShape(raw: string): ModelRef {
  const input = raw.trim()
  if (input.length === 0) throw new ModelIdError('is empty')
  if (input.length > MAX_ID_LENGTH * 2)
    throw new ModelIdError(`is longer than ${MAX_ID_LENGTH * 2} characters`)
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(input)) throw new ModelIdError('contains spaces or control characters')
  if (input.startsWith('arn:')) return parseArn(input)
  if (input.length > MAX_ID_LENGTH) throw new ModelIdError(`is longer than ${MAX_ID_LENGTH} characters`)
  if (!MODEL_ID.test(input)) {
    throw new ModelIdError(
      'is not a Bedrock model ID (expected provider.model, e.g. anthropic.claude-sonnet-4-6 or us.anthropic.claude-sonnet-4-6)'
    )
  }
  const [first] = input.split('.', 1)
  if (isProfilePrefix(first!)) {
    const base = input.slice(first!.length + 1)
    if (!MODEL_ID.test(base))
      throw new ModelIdError(`names the ${first}. profile prefix but no model after it`)
    return { kind: 'inference-profile', input, profileId: input, baseModelGuess: base }
  }
  // A geography AWS added after this list (jp., au. and ca. came after us., eu. and apac.): a base model ID has one
  // dot, so a short word before a whole provider.model ID is a profile prefix. It is read as a profile for
  // GetInferenceProfile to confirm, never refused and never taken for a base model.
  const newGeography = UNLISTED_PROFILE_PREFIX.exec(input)
  if (newGeography)
    return { kind: 'inference-profile', input, profileId: input, baseModelGuess: newGeography[1]! }
  return { kind: 'foundation-model', input, baseModelId: input }
}

const UNLISTED_PROFILE_PREFIX = /^[a-z]{2,7}(?:-[a-z]{2,4})?\.([a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9_:-]*)$/

function isProfilePrefix(segment: string): boolean {
  return (PROFILE_PREFIXES as readonly string[]).includes(segment.toLowerCase())
}

function parseArn(input: string): ModelRef {
  const parts = input.split(':')
  if (parts.length < 6)
    throw new ModelIdError('is not a valid ARN (arn:partition:bedrock:region:account:resource)')
  const [, partition, service, region, account] = parts
  const resource = parts.slice(5).join(':')
  if (service !== 'bedrock') throw new ModelIdError(`is an ARN of service "${service}", not bedrock`)
  if (!REGION_SHAPE.test(region!)) throw new ModelIdError(`has an invalid region "${region}" in its ARN`)
  if (partition !== partitionOf(region!)) {
    throw new ModelIdError(
      `has the ARN partition "${partition}", but ${region} is in the "${partitionOf(region!)}" partition`
    )
  }
  const slash = resource.indexOf('/')
  const type = slash < 0 ? resource : resource.slice(0, slash)
  const id = slash < 0 ? '' : resource.slice(slash + 1)
  switch (type) {
    case 'foundation-model': {
      if (account !== '')
        throw new ModelIdError('is a foundation-model ARN with an account ID (they have none)')
      const ref = parseShape(id)
      if (ref.kind !== 'foundation-model')
        throw new ModelIdError('names a profile ID inside a foundation-model ARN')
      return { kind: 'foundation-model', input, baseModelId: ref.baseModelId, pinnedRegion: region }
    }
    case 'inference-profile': {
      if (!ACCOUNT_ID.test(account!))
        throw new ModelIdError('is an inference-profile ARN without a 12-digit account ID')
      const ref = parseShape(id)
      if (ref.kind !== 'inference-profile')
        throw new ModelIdError('names no profile ID after inference-profile/')
      return { ...ref, input, pinnedRegion: region, pinnedAccount: account }
    }
    case 'application-inference-profile': {
      if (!ACCOUNT_ID.test(account!))
        throw new ModelIdError('is an application-inference-profile ARN without an account ID')
      if (!/^[a-z0-9]{1,64}$/i.test(id))
        throw new ModelIdError('has an invalid application-inference-profile ID')
      return {
        kind: 'inference-profile',
        input,
        profileId: input,
        pinnedRegion: region,
        pinnedAccount: account
      }
    }
    default:
      throw new ModelIdError(
        `is a bedrock ARN of type "${type}"; the probe takes foundation-model, inference-profile and application-inference-profile ARNs`
      )
  }
}

/** The base model the identifier names: the ID itself, or the one a system profile ID is built on. */
export function baseModelGuessOf(ref: ModelRef): string | undefined {
  return ref.kind === 'foundation-model' ? ref.baseModelId : ref.baseModelGuess
}

/** The provider segment of a base model ID: `anthropic` for `anthropic.claude-sonnet-4-6`. */
export function providerOf(baseModelId: string): string {
  return baseModelId.split('.', 1)[0]!.toLowerCase()
}

export function isMarketplaceModel(baseModelId: string): boolean {
  return !NON_MARKETPLACE_PROVIDERS.has(providerOf(baseModelId))
}

export function isAnthropicModel(baseModelId: string): boolean {
  return providerOf(baseModelId) === 'anthropic'
}

/** `arn:aws:bedrock:us-east-1::foundation-model/x` → `x`. */
export function baseModelIdFromArn(modelArn: string): string | undefined {
  const match = /:foundation-model\/(.+)$/.exec(modelArn)
  return match?.[1]
}

export function regionFromArn(arn: string): string | undefined {
  return arn.split(':')[3] || undefined
}

/** The ARN partition of a region (aws, aws-cn, aws-us-gov, aws-iso-b, aws-eusc, …), from the SDK's partition data. */
export function partitionOf(region: string): string {
  return partition(region).name
}

/**
 * Whether the SDK's partition data names this region (it describes every region it knows: "US East (N.
 * Virginia)"). A region it does not know may be a typo or a region launched after this release, so this never
 * refuses an input on its own: it explains an endpoint that does not resolve.
 */
export function isKnownRegion(region: string): boolean {
  return (partition(region) as { description?: string }).description !== undefined
}

const REGION_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-'

/** The known regions one edit away (a letter dropped, added, changed or two swapped), in order. */
export function nearestKnownRegions(region: string): string[] {
  const candidates = new Set<string>()
  for (let i = 0; i <= region.length; i++) {
    if (i < region.length) candidates.add(region.slice(0, i) + region.slice(i + 1))
    if (i < region.length - 1)
      candidates.add(region.slice(0, i) + region[i + 1] + region[i] + region.slice(i + 2))
    for (const letter of REGION_ALPHABET) {
      candidates.add(region.slice(0, i) + letter + region.slice(i))
      if (i < region.length) candidates.add(region.slice(0, i) + letter + region.slice(i + 1))
    }
  }
  candidates.delete(region)
  return [...candidates].filter(candidate => REGION_SHAPE.test(candidate) && isKnownRegion(candidate)).sort()
}

/** "eu-central-1", "us-east-1 or us-west-1", "eu-west-1, eu-west-2 or eu-west-3". */
export function regionChoices(regions: readonly string[]): string {
  return choices(regions)
}

export function foundationModelArn(region: string, baseModelId: string): string {
  return `arn:${partitionOf(region)}:bedrock:${region}::foundation-model/${baseModelId}`
}

/** Shape of the model (from its ID alone), used when GetFoundationModel cannot be read. */
export function modalityFromId(baseModelId: string): Modality {
  const id = baseModelId.toLowerCase()
  if (/(^|\.)([a-z0-9-]*embed)/.test(id)) return 'embedding'
  if (/^(stability\.|amazon\.titan-image|amazon\.nova-canvas)/.test(id)) return 'image'
  if (/^(amazon\.nova-reel|luma\.)/.test(id)) return 'video'
  if (/rerank/.test(id)) return 'unknown'
  return 'text'
}
