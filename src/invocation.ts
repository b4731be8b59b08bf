/**
 * Whether to make the minimal call, and which: a pure decision from what the control plane said.
 * Image and video models are never invoked (each call is billed per image or clip), and the probe never
 * makes a third-party model's first call on its own, because that call would accept the provider's EULA.
 */
import { modalityFromId, type Modality } from './model-id.js'
import type { Evidence } from './gates.js'

export type InvocationPlan =
  | { via: 'converse' }
  | { via: 'invoke-model'; body: Record<string, unknown> }
  | { via: 'none'; reason: string; cause: string }

type PlanInput = Pick<
  Evidence,
  'credentials' | 'profile' | 'availability' | 'foundationModel' | 'marketplace' | 'baseModelId' | 'isProfile'
>

export function chooseInvocation(e: PlanInput, invoke: boolean): InvocationPlan {
  if (!invoke) {
    return {
      via: 'none',
      cause: 'invoke-disabled',
      reason: 'invoke is false; only a call proves bedrock:InvokeModel'
    }
  }
  if (e.credentials.status === 'fail')
    return { via: 'none', cause: 'credentials', reason: 'no usable credentials' }
  if (e.profile.state === 'not-found') {
    return {
      via: 'none',
      cause: 'profile-not-found',
      reason: 'the inference profile does not exist in this region'
    }
  }
  if (
    !e.isProfile &&
    e.foundationModel.state === 'ok' &&
    e.foundationModel.value.inferenceTypes.length > 0 &&
    !e.foundationModel.value.inferenceTypes.includes('ON_DEMAND')
  ) {
    return { via: 'none', cause: 'on-demand-unsupported', reason: 'the base ID cannot be invoked on demand' }
  }
  if (
    !e.isProfile &&
    e.availability.state === 'ok' &&
    e.availability.value.regionAvailability === 'NOT_AVAILABLE'
  ) {
    return { via: 'none', cause: 'region-not-offered', reason: 'the model is not offered in this region' }
  }
  if (
    e.marketplace &&
    e.availability.state === 'ok' &&
    e.availability.value.agreementStatus === 'NOT_AVAILABLE'
  ) {
    return {
      via: 'none',
      cause: 'would-accept-eula',
      reason:
        "no agreement exists, and a first call would accept the provider's EULA (set create-agreement: true to do that)"
    }
  }
  const modality = modalityOf(e)
  switch (modality) {
    case 'image':
    case 'video':
      return {
        via: 'none',
        cause: 'media-model',
        reason: `${modality} models are billed per generated ${modality === 'image' ? 'image' : 'clip'}; the control plane is the evidence`
      }
    case 'embedding': {
      const body = embeddingBody(e.baseModelId ?? '')
      return body
        ? { via: 'invoke-model', body }
        : {
            via: 'none',
            cause: 'embedding-unknown',
            reason: 'no minimal request body is known for this embedding model'
          }
    }
    default:
      return { via: 'converse' }
  }
}

function modalityOf(e: PlanInput): Modality {
  if (e.foundationModel.state === 'ok' && e.foundationModel.value.outputModalities.length > 0) {
    const outputs = e.foundationModel.value.outputModalities
    if (outputs.includes('TEXT')) return 'text'
    if (outputs.includes('EMBEDDING')) return 'embedding'
    if (outputs.includes('VIDEO')) return 'video'
    if (outputs.includes('IMAGE')) return 'image'
  }
  return modalityFromId(e.baseModelId ?? '')
}

/** The smallest valid InvokeModel body for the embedding families that take one synchronously. */
export function embeddingBody(baseModelId: string): Record<string, unknown> | undefined {
  if (baseModelId.startsWith('amazon.titan-embed')) return { inputText: 'ok' }
  if (baseModelId.startsWith('cohere.embed')) return { texts: ['ok'], input_type: 'search_query' }
  return undefined
}
