/**
 * Bedrock quota names as Service Quotas really lists them (ListServiceQuotas, service code `bedrock`), and models
 * as ListFoundationModels really names them, each from a public source, with what each model × scope × period
 * resolves to. The capacity gate is judged against these, not against names we made up.
 *
 * Sources (searched in stored public material; the ids are the search index's):
 * - AUDIT: a public audit of one real account's whole Service Quotas catalogue, 2026 (index file 68318190087),
 *   every Bedrock quota listed with its code.
 * - GENREF: the AWS General Reference table "Amazon Bedrock endpoints and quotas" as copied into
 *   cloudscape-design's table test page (index file 48103916287), with the console links that carry the codes.
 * - GUIDE: the Bedrock user guide, "Global cross-Region inference" (index file 58527561065), and the AWS blog on
 *   global cross-Region inference in Cape Town (index file 4289977402), which drops the provider's name.
 * - USERS: what users pasted from their accounts: pollinations/pollinations#3654 (console, L-396C5302); a
 *   throttling post-mortem (index file 62831952867: "Global cross-region model inference tokens per day for Cohere
 *   Embed V4"); a quota request (index file 65902247921: L-7C42E72A for Amazon Nova Lite); an account's quota table
 *   (index file 68718117786: Mistral Large 3, Meta Llama 3.3 70B Instruct).
 * - CATALOGUE: ListFoundationModels in us-east-1, observed 2026-09-27 (index file 71653108861), and an older full
 *   dump with the legacy models (index file 11547557980).
 */
import type { QuotaScope } from '../../src/bedrock/quotas.js'
import type { ServiceQuota } from '../../src/evidence.js'

type Source = 'AUDIT' | 'GENREF' | 'GUIDE' | 'USERS'

export interface RealQuota {
  code: string
  name: string
  source: Source
}

/** Quota names exactly as listed (their typos and capitals too); codes as listed, or GUIDE-… where none is given. */
export const REAL_QUOTAS: RealQuota[] = [
  // Anthropic
  {
    code: 'L-F4DDD3EB',
    name: 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1',
    source: 'AUDIT'
  },
  {
    code: 'L-27C57EE8',
    name: 'Global cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1',
    source: 'AUDIT'
  },
  {
    code: 'L-BC182137',
    name: 'Global cross-region model inference tokens per day for Anthropic Claude Sonnet 4.5 V1',
    source: 'AUDIT'
  },
  {
    code: 'L-381AD9EE',
    name: 'Model invocation max tokens per day for Anthropic Claude Sonnet 4.5 V1 (doubled for cross-region calls)',
    source: 'AUDIT'
  },
  {
    code: 'L-8EA73537',
    name: 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1 1M Context Length',
    source: 'AUDIT'
  },
  {
    code: 'L-4B26E44A',
    name: 'Global cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1 1M Context Length',
    source: 'AUDIT'
  },
  {
    code: 'L-229A5DEC',
    name: 'Global cross-region model inference tokens per day for Anthropic Claude Sonnet 4.5 V1 1M Context Length',
    source: 'AUDIT'
  },
  {
    code: 'L-E107194C',
    name: 'Model invocation max tokens per day for Anthropic Claude Sonnet 4.5 V1 1M Context Length (doubled for cross-region calls)',
    source: 'AUDIT'
  },
  {
    code: 'L-4A6BFAB1',
    name: 'Cross-region model inference requests per minute for Anthropic Claude Sonnet 4.5 V1',
    source: 'AUDIT'
  },
  {
    code: 'L-DB84CE56',
    name: 'Global cross-region model inference requests per minute for Anthropic Claude Sonnet 4.5 V1',
    source: 'AUDIT'
  },
  {
    code: 'L-59759B4A',
    name: 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4 V1',
    source: 'AUDIT'
  },
  {
    code: 'L-22F701C5',
    name: 'Model invocation max tokens per day for Anthropic Claude Sonnet 4 V1 (doubled for cross-region calls)',
    source: 'AUDIT'
  },
  {
    code: 'L-58BE175A',
    name: 'Cross-region model inference tokens per minute for Anthropic Claude Haiku 4.5',
    source: 'AUDIT'
  },
  {
    code: 'L-9A11C666',
    name: 'Global cross-region model inference tokens per minute for Anthropic Claude Haiku 4.5',
    source: 'AUDIT'
  },
  {
    code: 'L-B5C049AE',
    name: 'Global cross-region model inference tokens per day for Anthropic Claude Haiku 4.5',
    source: 'AUDIT'
  },
  {
    code: 'L-6120CF2D',
    name: 'Model invocation max tokens per day for Anthropic Claude Haiku 4.5 (doubled for cross-region calls)',
    source: 'AUDIT'
  },
  {
    code: 'L-6E888CC2',
    name: 'Cross-region model inference tokens per minute for Anthropic Claude 3.7 Sonnet V1',
    source: 'AUDIT'
  },
  {
    code: 'L-9EB71894',
    name: 'Model invocation max tokens per day for Anthropic Claude 3.7 Sonnet V1 (doubled for cross-region calls)',
    source: 'AUDIT'
  },
  {
    code: 'L-A50569E5',
    name: 'On-demand model inference tokens per minute for Anthropic Claude 3.5 Sonnet',
    source: 'AUDIT'
  },
  {
    code: 'L-479B647F',
    name: 'Cross-region model inference tokens per minute for Anthropic Claude 3.5 Sonnet',
    source: 'AUDIT'
  },
  {
    code: 'L-FF8B4E28',
    name: 'Cross-Region model inference tokens per minute for Anthropic Claude 3.5 Sonnet V2',
    source: 'AUDIT'
  },
  {
    code: 'L-8CE99163',
    name: 'On-demand model inference tokens per minute for Anthropic Claude 3 Haiku',
    source: 'AUDIT'
  },
  {
    code: 'L-DCADBC78',
    name: 'Cross-region model inference tokens per minute for Anthropic Claude 3 Haiku',
    source: 'AUDIT'
  },
  {
    code: 'L-4C35BB2A',
    name: 'On-demand model inference tokens per minute for Anthropic Claude 3 Sonnet',
    source: 'AUDIT'
  },
  {
    code: 'L-5DF13F64',
    name: 'Cross-region model inference tokens per minute for Anthropic Claude 3 Sonnet',
    source: 'AUDIT'
  },
  {
    code: 'L-B0D9183E',
    name: 'On-demand model inference tokens per minute for Anthropic Claude V2',
    source: 'AUDIT'
  },
  {
    code: 'L-F7007F39',
    name: 'On-demand model inference tokens per minute for Anthropic Claude Instant',
    source: 'AUDIT'
  },
  // Amazon
  {
    code: 'L-7C42E72A',
    name: 'Cross-region model inference tokens per minute for Amazon Nova Lite',
    source: 'AUDIT'
  },
  {
    code: 'L-DC7FF66C',
    name: 'Cross-region model inference tokens per minute for Amazon Nova Micro',
    source: 'AUDIT'
  },
  {
    code: 'L-C0326783',
    name: 'Cross-region model inference tokens per minute for Amazon Nova Pro',
    source: 'AUDIT'
  },
  {
    code: 'L-44992E63',
    name: 'On-demand model inference tokens per minute for Amazon Titan Text Express',
    source: 'AUDIT'
  },
  {
    code: 'L-70BE83E9',
    name: 'On-demand model inference tokens per minute for Amazon Titan Text Lite',
    source: 'AUDIT'
  },
  {
    code: 'L-74B5B793',
    name: 'On-demand model inference tokens per minute for Amazon Titan Text Embeddings',
    source: 'AUDIT'
  },
  {
    code: 'L-DE641971',
    name: 'On-demand model inference tokens per minute for Amazon Titan Text Embeddings V2',
    source: 'AUDIT'
  },
  {
    code: 'L-ABC24664',
    name: 'On-demand model inference tokens per minute for Amazon Titan Multimodal Embeddings G1',
    source: 'AUDIT'
  },
  {
    code: 'L-2B715ABD',
    name: 'On-demand model inference tokens per minute for Amazon Titan Image Generator G1',
    source: 'AUDIT'
  },
  // Meta
  {
    code: 'L-0B2687F4',
    name: 'Cross-region model inference tokens per minute for Meta Llama 3.2 3B Instruct',
    source: 'AUDIT'
  },
  {
    code: 'L-A7EDC29B',
    name: 'On-demand model inference tokens per minute for Meta Llama 3.2 3B Instruct',
    source: 'AUDIT'
  },
  {
    code: 'L-BD9FDA6F',
    name: 'Cross-region model inference tokens per minute for Meta Llama 3.2 1B Instruct',
    source: 'AUDIT'
  },
  {
    code: 'L-6F14193C',
    name: 'On-demand model inference tokens per minute for Meta Llama 3.2 1B Instruct',
    source: 'AUDIT'
  },
  {
    code: 'USERS-LLAMA-33-70B',
    name: 'Cross-region model inference tokens per minute for Meta Llama 3.3 70B Instruct',
    source: 'USERS'
  },
  {
    code: 'L-396C5302',
    name: 'Cross-region model inference requests per minute for Meta Llama 3.1 8B Instruct',
    source: 'USERS'
  },
  {
    code: 'L-247B684D',
    name: 'On-demand model inference tokens per minute for Meta Llama 2 70B',
    source: 'AUDIT'
  },
  {
    code: 'L-D9F0CC0D',
    name: 'On-demand model inference tokens per minute for Meta Llama 2 13B',
    source: 'AUDIT'
  },
  {
    code: 'L-6DB35E51',
    name: 'On-demand model inference tokens per minute for Meta Llama 2 Chat 13B',
    source: 'AUDIT'
  },
  // Mistral AI: the provider as "Mistral AI", as "Mistral", and a typo
  {
    code: 'L-02D831F1',
    name: 'On-demand model inference tokens per minute for Mistral AI Mistral 7B Instruct',
    source: 'AUDIT'
  },
  {
    code: 'L-490F4D1F',
    name: 'On-demand model inference tokens per minute for Mistral AI Mixtral 8X7BB Instruct',
    source: 'AUDIT'
  },
  {
    code: 'L-FD938632',
    name: 'On-demand model inference requests per minute for Mistral Mixtral 8x7b Instruct',
    source: 'AUDIT'
  },
  {
    code: 'L-4B9F76B0',
    name: 'Cross-region model inference tokens per minute for Mistral Pixtral Large 25.02 V1',
    source: 'AUDIT'
  },
  {
    code: 'USERS-MISTRAL-LARGE-3',
    name: 'On-demand model inference tokens per minute for Mistral Large 3',
    source: 'USERS'
  },
  // Cohere: "+" spelled out
  {
    code: 'L-FEE1DCB6',
    name: 'On-demand model inference tokens per minute for Cohere Command R Plus',
    source: 'AUDIT'
  },
  {
    code: 'L-17F95AA4',
    name: 'On-demand model inference tokens per minute for Cohere Command R',
    source: 'AUDIT'
  },
  {
    code: 'L-4E833B8F',
    name: 'On-demand model inference tokens per minute for Cohere Command',
    source: 'AUDIT'
  },
  {
    code: 'L-B63536E3',
    name: 'On-demand model inference tokens per minute for Cohere Command Light',
    source: 'AUDIT'
  },
  {
    code: 'L-A2BE277A',
    name: 'On-demand model inference tokens per minute for Cohere Embed English',
    source: 'AUDIT'
  },
  {
    code: 'L-4C3F0FE6',
    name: 'Cross-region model inference tokens per minute for Cohere Embed V4',
    source: 'AUDIT'
  },
  {
    code: 'L-02DFBB76',
    name: 'Global cross-region model inference tokens per minute for Cohere Embed V4',
    source: 'AUDIT'
  },
  {
    code: 'L-795ADAB0',
    name: 'Global cross-region model inference tokens per day for Cohere Embed V4',
    source: 'AUDIT'
  },
  {
    code: 'L-F1BB08BB',
    name: 'Model invocation max tokens per day for Cohere Embed V4 (doubled for cross-region calls)',
    source: 'AUDIT'
  },
  // AI21 Labs
  {
    code: 'L-A4F5E139',
    name: 'On-demand model inference tokens per minute for AI21 Labs Jurassic-2 Ultra',
    source: 'AUDIT'
  },
  {
    code: 'L-ABEE1010',
    name: 'On-demand model inference tokens per minute for AI21 Labs Jurassic-2 Mid',
    source: 'AUDIT'
  },
  // OpenAI: the name spells "gpt-oss-20b" as "GPT OSS 20B"
  {
    code: 'L-036E14D8',
    name: 'On-demand model inference tokens per minute for OpenAI GPT OSS 20B',
    source: 'AUDIT'
  },
  {
    code: 'L-9DC5F595',
    name: 'On-demand model inference tokens per minute for OpenAI GPT OSS 120B',
    source: 'AUDIT'
  },
  {
    code: 'L-0FA1782C',
    name: 'Model invocation max tokens per day for OpenAI GPT OSS 20B (doubled for cross-region calls)',
    source: 'AUDIT'
  },
  {
    code: 'L-41FDDA6B',
    name: 'Model invocation max tokens per day for OpenAI GPT OSS 120B (doubled for cross-region calls)',
    source: 'AUDIT'
  },
  // Qwen: no provider's name, and words the model's name spells otherwise
  {
    code: 'L-B7C52139',
    name: 'On-demand model inference tokens per minute for Qwen3 32B V1',
    source: 'AUDIT'
  },
  {
    code: 'L-A115DE95',
    name: 'Model invocation max tokens per day for Qwen3 32B V1 (doubled for cross-region calls)',
    source: 'AUDIT'
  },
  {
    code: 'L-92F81E14',
    name: 'On-demand model inference tokens per minute for Qwen3 Coder 30B a3b V1',
    source: 'AUDIT'
  },
  {
    code: 'L-ADCC1A3F',
    name: 'Model invocation max tokens per day for Qwen3 Coder 30B a3b V1 (doubled for cross-region calls)',
    source: 'AUDIT'
  },
  {
    code: 'L-3875BCCF',
    name: 'On-demand model inference tokens per minute for Qwen3 235B a22b 2507 V1',
    source: 'AUDIT'
  },
  // DeepSeek and Writer: hyphens and "Writer AI" for providerName "Writer"
  {
    code: 'GENREF-DEEPSEEK-R1',
    name: 'Cross-region model inference tokens per minute for DeepSeek R1 V1',
    source: 'GENREF'
  },
  {
    code: 'GENREF-PALMYRA-X4',
    name: 'Cross-region model inference tokens per minute for Writer AI Palmyra X4 V1',
    source: 'GENREF'
  },
  // Stability AI: image models are counted in requests, not tokens
  {
    code: 'L-CC58F0A8',
    name: 'On-demand model inference requests per minute for Stability.ai Stable Diffusion XL 1.0',
    source: 'AUDIT'
  },
  // Quotas of other things, which name no model's tokens
  { code: 'L-02D6293C', name: 'Batch inference job size (in GB) for Claude 3.7 Sonnet', source: 'AUDIT' },
  {
    code: 'L-1074C53D',
    name: 'Model units per provisioned model for Amazon Titan Text Embeddings V2',
    source: 'AUDIT'
  }
]

/**
 * The same quotas as other pages spell them: an account lists one spelling, never both, so these are matched one at
 * a time. The AWS blog drops the provider's name and capitalises "Region".
 */
export const ALSO_SPELLED: { name: string; sameAs: string; source: Source }[] = [
  {
    name: 'Global cross-Region model inference tokens per minute for Claude Sonnet 4.5 V1',
    sameAs: 'L-27C57EE8',
    source: 'GUIDE'
  },
  {
    name: 'Cross-Region InvokeModel tokens per minute for Anthropic Claude Sonnet 4.5 V1',
    sameAs: 'L-F4DDD3EB',
    source: 'GUIDE'
  }
]

/** The listing a real account returns: every quota with a value. */
export function listingOf(quotas: RealQuota[] = REAL_QUOTAS): ServiceQuota[] {
  return quotas.map(({ code, name }, i) => ({ code, name, value: 1000 + i, adjustable: true }))
}

export interface CatalogueModel {
  modelId: string
  providerName: string
  modelName: string
}

/** Models as ListFoundationModels names them (CATALOGUE), one or more per provider Bedrock sells. */
export const CATALOGUE: CatalogueModel[] = [
  {
    modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
    providerName: 'Anthropic',
    modelName: 'Claude Sonnet 4.5'
  },
  {
    modelId: 'anthropic.claude-sonnet-4-20250514-v1:0',
    providerName: 'Anthropic',
    modelName: 'Claude Sonnet 4'
  },
  {
    modelId: 'anthropic.claude-haiku-4-5-20251001-v1:0',
    providerName: 'Anthropic',
    modelName: 'Claude Haiku 4.5'
  },
  {
    modelId: 'anthropic.claude-3-7-sonnet-20250219-v1:0',
    providerName: 'Anthropic',
    modelName: 'Claude 3.7 Sonnet'
  },
  {
    modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    providerName: 'Anthropic',
    modelName: 'Claude 3.5 Sonnet'
  },
  {
    modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
    providerName: 'Anthropic',
    modelName: 'Claude 3.5 Sonnet v2'
  },
  {
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    providerName: 'Anthropic',
    modelName: 'Claude 3 Haiku'
  },
  { modelId: 'anthropic.claude-opus-4-6-v1', providerName: 'Anthropic', modelName: 'Claude Opus 4.6' },
  { modelId: 'amazon.nova-lite-v1:0', providerName: 'Amazon', modelName: 'Nova Lite' },
  { modelId: 'amazon.nova-pro-v1:0', providerName: 'Amazon', modelName: 'Nova Pro' },
  { modelId: 'amazon.nova-2-lite-v1:0', providerName: 'Amazon', modelName: 'Nova 2 Lite' },
  { modelId: 'amazon.titan-text-express-v1', providerName: 'Amazon', modelName: 'Titan Text G1 - Express' },
  { modelId: 'amazon.titan-embed-text-v1', providerName: 'Amazon', modelName: 'Titan Embeddings G1 - Text' },
  { modelId: 'amazon.titan-embed-text-v2:0', providerName: 'Amazon', modelName: 'Titan Text Embeddings V2' },
  {
    modelId: 'amazon.titan-image-generator-v2:0',
    providerName: 'Amazon',
    modelName: 'Titan Image Generator G1 v2'
  },
  { modelId: 'meta.llama3-2-3b-instruct-v1:0', providerName: 'Meta', modelName: 'Llama 3.2 3B Instruct' },
  { modelId: 'meta.llama3-3-70b-instruct-v1:0', providerName: 'Meta', modelName: 'Llama 3.3 70B Instruct' },
  { modelId: 'meta.llama3-1-8b-instruct-v1:0', providerName: 'Meta', modelName: 'Llama 3.1 8B Instruct' },
  {
    modelId: 'mistral.mistral-7b-instruct-v0:2',
    providerName: 'Mistral AI',
    modelName: 'Mistral 7B Instruct'
  },
  {
    modelId: 'mistral.mixtral-8x7b-instruct-v0:1',
    providerName: 'Mistral AI',
    modelName: 'Mixtral 8x7B Instruct'
  },
  {
    modelId: 'mistral.pixtral-large-2502-v1:0',
    providerName: 'Mistral AI',
    modelName: 'Pixtral Large (25.02)'
  },
  {
    modelId: 'mistral.mistral-large-3-675b-instruct',
    providerName: 'Mistral AI',
    modelName: 'Mistral Large 3'
  },
  {
    modelId: 'mistral.mistral-large-2402-v1:0',
    providerName: 'Mistral AI',
    modelName: 'Mistral Large (24.02)'
  },
  { modelId: 'cohere.command-r-plus-v1:0', providerName: 'Cohere', modelName: 'Command R+' },
  { modelId: 'cohere.command-r-v1:0', providerName: 'Cohere', modelName: 'Command R' },
  { modelId: 'cohere.embed-v4:0', providerName: 'Cohere', modelName: 'Embed v4' },
  { modelId: 'ai21.j2-ultra-v1', providerName: 'AI21 Labs', modelName: 'Jurassic-2 Ultra' },
  { modelId: 'openai.gpt-oss-20b-1:0', providerName: 'OpenAI', modelName: 'gpt-oss-20b' },
  { modelId: 'openai.gpt-oss-120b-1:0', providerName: 'OpenAI', modelName: 'gpt-oss-120b' },
  { modelId: 'qwen.qwen3-32b-v1:0', providerName: 'Qwen', modelName: 'Qwen3 32B (dense)' },
  {
    modelId: 'qwen.qwen3-coder-30b-a3b-v1:0',
    providerName: 'Qwen',
    modelName: 'Qwen3-Coder-30B-A3B-Instruct'
  },
  { modelId: 'deepseek.r1-v1:0', providerName: 'DeepSeek', modelName: 'DeepSeek-R1' },
  { modelId: 'writer.palmyra-x4-v1:0', providerName: 'Writer', modelName: 'Palmyra X4' },
  { modelId: 'writer.palmyra-x5-v1:0', providerName: 'Writer', modelName: 'Palmyra X5' },
  { modelId: 'stability.stable-diffusion-xl-v1', providerName: 'Stability AI', modelName: 'SDXL 1.0' },
  {
    modelId: 'anthropic.claude-3-sonnet-20240229-v1:0',
    providerName: 'Anthropic',
    modelName: 'Claude 3 Sonnet'
  },
  { modelId: 'anthropic.claude-v2', providerName: 'Anthropic', modelName: 'Claude' },
  { modelId: 'anthropic.claude-instant-v1', providerName: 'Anthropic', modelName: 'Claude Instant' },
  { modelId: 'amazon.nova-micro-v1:0', providerName: 'Amazon', modelName: 'Nova Micro' },
  { modelId: 'amazon.titan-text-lite-v1', providerName: 'Amazon', modelName: 'Titan Text G1 - Lite' },
  {
    modelId: 'amazon.titan-embed-image-v1',
    providerName: 'Amazon',
    modelName: 'Titan Multimodal Embeddings G1'
  },
  {
    modelId: 'amazon.titan-image-generator-v1',
    providerName: 'Amazon',
    modelName: 'Titan Image Generator G1'
  },
  { modelId: 'meta.llama3-2-1b-instruct-v1:0', providerName: 'Meta', modelName: 'Llama 3.2 1B Instruct' },
  { modelId: 'meta.llama2-13b-v1', providerName: 'Meta', modelName: 'Llama 2 13B' },
  { modelId: 'meta.llama2-70b-v1', providerName: 'Meta', modelName: 'Llama 2 70B' },
  { modelId: 'meta.llama2-13b-chat-v1', providerName: 'Meta', modelName: 'Llama 2 Chat 13B' },
  { modelId: 'cohere.command-text-v14', providerName: 'Cohere', modelName: 'Command' },
  { modelId: 'cohere.command-light-text-v14', providerName: 'Cohere', modelName: 'Command Light' },
  { modelId: 'cohere.embed-english-v3', providerName: 'Cohere', modelName: 'Embed English' },
  { modelId: 'ai21.j2-mid-v1', providerName: 'AI21 Labs', modelName: 'Jurassic-2 Mid' },
  { modelId: 'qwen.qwen3-235b-a22b-2507-v1:0', providerName: 'Qwen', modelName: 'Qwen3 235B A22B 2507' },
  { modelId: 'google.gemma-3-12b-it', providerName: 'Google', modelName: 'Gemma 3 12B IT' },
  { modelId: 'minimax.minimax-m2', providerName: 'MiniMax', modelName: 'MiniMax M2' },
  { modelId: 'moonshot.kimi-k2-thinking', providerName: 'Moonshot AI', modelName: 'Kimi K2 Thinking' },
  { modelId: 'nvidia.nemotron-nano-9b-v2', providerName: 'NVIDIA', modelName: 'NVIDIA Nemotron Nano 9B v2' },
  { modelId: 'zai.glm-4.7', providerName: 'Z.AI', modelName: 'GLM 4.7' },
  { modelId: 'twelvelabs.pegasus-1-2-v1:0', providerName: 'TwelveLabs', modelName: 'Pegasus v1.2' }
]

/**
 * What each model × scope resolves to: the code of its per-minute and per-day tokens quota, or `none` where no
 * listed quota is the model's (the report names it: "no quota in Service Quotas names …"). The providers whose
 * token quotas no public source lists (Google, MiniMax, Moonshot AI, NVIDIA, Z.AI, TwelveLabs) resolve to none.
 */
export interface Resolution {
  modelId: string
  scope: QuotaScope
  perMinute: string | 'none'
  perDay: string | 'none'
}

export const RESOLUTIONS: Resolution[] = [
  {
    modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
    scope: 'cross-region',
    perMinute: 'L-F4DDD3EB',
    perDay: 'L-381AD9EE'
  },
  {
    modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
    scope: 'global',
    perMinute: 'L-27C57EE8',
    perDay: 'L-BC182137'
  },
  {
    modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
    scope: 'on-demand',
    perMinute: 'none',
    perDay: 'L-381AD9EE'
  },
  {
    modelId: 'anthropic.claude-sonnet-4-20250514-v1:0',
    scope: 'cross-region',
    perMinute: 'L-59759B4A',
    perDay: 'L-22F701C5'
  },
  { modelId: 'anthropic.claude-sonnet-4-20250514-v1:0', scope: 'global', perMinute: 'none', perDay: 'none' },
  {
    modelId: 'anthropic.claude-haiku-4-5-20251001-v1:0',
    scope: 'cross-region',
    perMinute: 'L-58BE175A',
    perDay: 'L-6120CF2D'
  },
  {
    modelId: 'anthropic.claude-haiku-4-5-20251001-v1:0',
    scope: 'global',
    perMinute: 'L-9A11C666',
    perDay: 'L-B5C049AE'
  },
  {
    modelId: 'anthropic.claude-3-7-sonnet-20250219-v1:0',
    scope: 'cross-region',
    perMinute: 'L-6E888CC2',
    perDay: 'L-9EB71894'
  },
  {
    modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    scope: 'on-demand',
    perMinute: 'L-A50569E5',
    perDay: 'none'
  },
  {
    modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    scope: 'cross-region',
    perMinute: 'L-479B647F',
    perDay: 'none'
  },
  {
    modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
    scope: 'cross-region',
    perMinute: 'L-FF8B4E28',
    perDay: 'none'
  },
  {
    modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
    scope: 'on-demand',
    perMinute: 'none',
    perDay: 'none'
  },
  {
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    scope: 'on-demand',
    perMinute: 'L-8CE99163',
    perDay: 'none'
  },
  {
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    scope: 'cross-region',
    perMinute: 'L-DCADBC78',
    perDay: 'none'
  },
  { modelId: 'anthropic.claude-opus-4-6-v1', scope: 'global', perMinute: 'none', perDay: 'none' },
  { modelId: 'amazon.nova-lite-v1:0', scope: 'cross-region', perMinute: 'L-7C42E72A', perDay: 'none' },
  { modelId: 'amazon.nova-lite-v1:0', scope: 'on-demand', perMinute: 'none', perDay: 'none' },
  { modelId: 'amazon.nova-pro-v1:0', scope: 'cross-region', perMinute: 'L-C0326783', perDay: 'none' },
  { modelId: 'amazon.nova-2-lite-v1:0', scope: 'cross-region', perMinute: 'none', perDay: 'none' },
  { modelId: 'amazon.titan-text-express-v1', scope: 'on-demand', perMinute: 'L-44992E63', perDay: 'none' },
  { modelId: 'amazon.titan-embed-text-v1', scope: 'on-demand', perMinute: 'L-74B5B793', perDay: 'none' },
  { modelId: 'amazon.titan-embed-text-v2:0', scope: 'on-demand', perMinute: 'L-DE641971', perDay: 'none' },
  { modelId: 'amazon.titan-image-generator-v2:0', scope: 'on-demand', perMinute: 'none', perDay: 'none' },
  { modelId: 'meta.llama3-2-3b-instruct-v1:0', scope: 'on-demand', perMinute: 'L-A7EDC29B', perDay: 'none' },
  {
    modelId: 'meta.llama3-2-3b-instruct-v1:0',
    scope: 'cross-region',
    perMinute: 'L-0B2687F4',
    perDay: 'none'
  },
  {
    modelId: 'meta.llama3-3-70b-instruct-v1:0',
    scope: 'cross-region',
    perMinute: 'USERS-LLAMA-33-70B',
    perDay: 'none'
  },
  { modelId: 'meta.llama3-1-8b-instruct-v1:0', scope: 'cross-region', perMinute: 'none', perDay: 'none' },
  {
    modelId: 'mistral.mistral-7b-instruct-v0:2',
    scope: 'on-demand',
    perMinute: 'L-02D831F1',
    perDay: 'none'
  },
  {
    modelId: 'mistral.mixtral-8x7b-instruct-v0:1',
    scope: 'on-demand',
    perMinute: 'L-490F4D1F',
    perDay: 'none'
  },
  {
    modelId: 'mistral.pixtral-large-2502-v1:0',
    scope: 'cross-region',
    perMinute: 'L-4B9F76B0',
    perDay: 'none'
  },
  {
    modelId: 'mistral.mistral-large-3-675b-instruct',
    scope: 'on-demand',
    perMinute: 'USERS-MISTRAL-LARGE-3',
    perDay: 'none'
  },
  { modelId: 'mistral.mistral-large-2402-v1:0', scope: 'on-demand', perMinute: 'none', perDay: 'none' },
  { modelId: 'cohere.command-r-plus-v1:0', scope: 'on-demand', perMinute: 'L-FEE1DCB6', perDay: 'none' },
  { modelId: 'cohere.command-r-v1:0', scope: 'on-demand', perMinute: 'L-17F95AA4', perDay: 'none' },
  { modelId: 'cohere.embed-v4:0', scope: 'cross-region', perMinute: 'L-4C3F0FE6', perDay: 'L-F1BB08BB' },
  { modelId: 'cohere.embed-v4:0', scope: 'global', perMinute: 'L-02DFBB76', perDay: 'L-795ADAB0' },
  { modelId: 'ai21.j2-ultra-v1', scope: 'on-demand', perMinute: 'L-A4F5E139', perDay: 'none' },
  { modelId: 'openai.gpt-oss-20b-1:0', scope: 'on-demand', perMinute: 'L-036E14D8', perDay: 'L-0FA1782C' },
  { modelId: 'openai.gpt-oss-120b-1:0', scope: 'on-demand', perMinute: 'L-9DC5F595', perDay: 'L-41FDDA6B' },
  { modelId: 'qwen.qwen3-32b-v1:0', scope: 'on-demand', perMinute: 'L-B7C52139', perDay: 'L-A115DE95' },
  {
    modelId: 'qwen.qwen3-coder-30b-a3b-v1:0',
    scope: 'on-demand',
    perMinute: 'L-92F81E14',
    perDay: 'L-ADCC1A3F'
  },
  { modelId: 'deepseek.r1-v1:0', scope: 'cross-region', perMinute: 'GENREF-DEEPSEEK-R1', perDay: 'none' },
  {
    modelId: 'writer.palmyra-x4-v1:0',
    scope: 'cross-region',
    perMinute: 'GENREF-PALMYRA-X4',
    perDay: 'none'
  },
  { modelId: 'writer.palmyra-x5-v1:0', scope: 'cross-region', perMinute: 'none', perDay: 'none' },
  { modelId: 'stability.stable-diffusion-xl-v1', scope: 'on-demand', perMinute: 'none', perDay: 'none' },
  {
    modelId: 'anthropic.claude-3-sonnet-20240229-v1:0',
    scope: 'on-demand',
    perMinute: 'L-4C35BB2A',
    perDay: 'none'
  },
  {
    modelId: 'anthropic.claude-3-sonnet-20240229-v1:0',
    scope: 'cross-region',
    perMinute: 'L-5DF13F64',
    perDay: 'none'
  },
  { modelId: 'anthropic.claude-v2', scope: 'on-demand', perMinute: 'L-B0D9183E', perDay: 'none' },
  { modelId: 'anthropic.claude-instant-v1', scope: 'on-demand', perMinute: 'L-F7007F39', perDay: 'none' },
  { modelId: 'amazon.nova-micro-v1:0', scope: 'cross-region', perMinute: 'L-DC7FF66C', perDay: 'none' },
  { modelId: 'amazon.titan-text-lite-v1', scope: 'on-demand', perMinute: 'L-70BE83E9', perDay: 'none' },
  { modelId: 'amazon.titan-embed-image-v1', scope: 'on-demand', perMinute: 'L-ABC24664', perDay: 'none' },
  { modelId: 'amazon.titan-image-generator-v1', scope: 'on-demand', perMinute: 'L-2B715ABD', perDay: 'none' },
  { modelId: 'meta.llama3-2-1b-instruct-v1:0', scope: 'on-demand', perMinute: 'L-6F14193C', perDay: 'none' },
  {
    modelId: 'meta.llama3-2-1b-instruct-v1:0',
    scope: 'cross-region',
    perMinute: 'L-BD9FDA6F',
    perDay: 'none'
  },
  { modelId: 'meta.llama2-13b-v1', scope: 'on-demand', perMinute: 'L-D9F0CC0D', perDay: 'none' },
  { modelId: 'meta.llama2-70b-v1', scope: 'on-demand', perMinute: 'L-247B684D', perDay: 'none' },
  { modelId: 'meta.llama2-13b-chat-v1', scope: 'on-demand', perMinute: 'L-6DB35E51', perDay: 'none' },
  { modelId: 'cohere.command-text-v14', scope: 'on-demand', perMinute: 'L-4E833B8F', perDay: 'none' },
  { modelId: 'cohere.command-light-text-v14', scope: 'on-demand', perMinute: 'L-B63536E3', perDay: 'none' },
  { modelId: 'cohere.embed-english-v3', scope: 'on-demand', perMinute: 'L-A2BE277A', perDay: 'none' },
  { modelId: 'ai21.j2-mid-v1', scope: 'on-demand', perMinute: 'L-ABEE1010', perDay: 'none' },
  { modelId: 'qwen.qwen3-235b-a22b-2507-v1:0', scope: 'on-demand', perMinute: 'L-3875BCCF', perDay: 'none' },
  { modelId: 'google.gemma-3-12b-it', scope: 'on-demand', perMinute: 'none', perDay: 'none' },
  { modelId: 'minimax.minimax-m2', scope: 'on-demand', perMinute: 'none', perDay: 'none' },
  { modelId: 'moonshot.kimi-k2-thinking', scope: 'on-demand', perMinute: 'none', perDay: 'none' },
  { modelId: 'nvidia.nemotron-nano-9b-v2', scope: 'on-demand', perMinute: 'none', perDay: 'none' },
  { modelId: 'zai.glm-4.7', scope: 'on-demand', perMinute: 'none', perDay: 'none' },
  { modelId: 'twelvelabs.pegasus-1-2-v1:0', scope: 'on-demand', perMinute: 'none', perDay: 'none' }
]
