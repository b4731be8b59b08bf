import { describe, expect, it } from '@jest/globals'
import {
  baseModelIdFromArn,
  foundationModelArn,
  partitionOf,
  isKnownRegion,
  isMarketplaceModel,
  modalityFromId,
  nearestKnownRegions,
  regionChoices,
  ModelIdError,
  parseModelRef
} from '../../src/bedrock/model-id.js'

describe('parseModelRef', () => {
  it('reads a base model ID', () => {
    expect(parseModelRef('anthropic.claude-3-7-sonnet-20250219-v1:0')).toEqual({
      kind: 'foundation-model',
      input: 'anthropic.claude-3-7-sonnet-20250219-v1:0',
      baseModelId: 'anthropic.claude-3-7-sonnet-20250219-v1:0'
    })
  })

  it.each(['us', 'eu', 'apac', 'global', 'us-gov', 'jp', 'au'])(
    'reads a %s. inference-profile ID',
    prefix => {
      const ref = parseModelRef(`${prefix}.anthropic.claude-sonnet-4-6`)
      expect(ref).toMatchObject({
        kind: 'inference-profile',
        profileId: `${prefix}.anthropic.claude-sonnet-4-6`,
        baseModelGuess: 'anthropic.claude-sonnet-4-6'
      })
    }
  )

  it('reads a geography prefix AWS adds later as a profile for GetInferenceProfile to confirm, not a base model', () => {
    expect(parseModelRef('in.anthropic.claude-sonnet-4-6')).toMatchObject({
      kind: 'inference-profile',
      profileId: 'in.anthropic.claude-sonnet-4-6',
      baseModelGuess: 'anthropic.claude-sonnet-4-6'
    })
    // Base model IDs keep their one dot, versions and all.
    for (const id of [
      'amazon.titan-embed-text-v2:0',
      'mistral.mistral-7b-instruct-v0:2',
      'cohere.embed-v4:0'
    ])
      expect(parseModelRef(id)).toMatchObject({ kind: 'foundation-model', baseModelId: id })
  })

  it('reads a foundation-model ARN and pins its region', () => {
    expect(parseModelRef('arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0')).toMatchObject({
      kind: 'foundation-model',
      baseModelId: 'amazon.nova-lite-v1:0',
      pinnedRegion: 'eu-west-1'
    })
  })

  it('reads an inference-profile ARN with its account', () => {
    expect(
      parseModelRef('arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-6')
    ).toMatchObject({
      kind: 'inference-profile',
      profileId: 'us.anthropic.claude-sonnet-4-6',
      pinnedRegion: 'us-east-1',
      pinnedAccount: '123456789012'
    })
  })

  it('reads an application-inference-profile ARN (the ARN is the identifier)', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123xyz'
    expect(parseModelRef(arn)).toMatchObject({
      kind: 'inference-profile',
      profileId: arn,
      pinnedRegion: 'us-east-1'
    })
  })

  it("reads an ARN of the European Sovereign Cloud, and refuses one whose partition is not its region's", () => {
    expect(
      parseModelRef('arn:aws-eusc:bedrock:eusc-de-east-1::foundation-model/amazon.nova-lite-v1:0')
    ).toMatchObject({
      kind: 'foundation-model',
      pinnedRegion: 'eusc-de-east-1'
    })
    expect(() =>
      parseModelRef('arn:aws:bedrock:eusc-de-east-1::foundation-model/amazon.nova-lite-v1:0')
    ).toThrow(/partition "aws", but eusc-de-east-1 is in the "aws-eusc" partition/)
  })

  it('accepts GovCloud and China partitions', () => {
    expect(
      parseModelRef(
        'arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0'
      ).kind
    ).toBe('foundation-model')
    expect(parseModelRef('arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.nova-lite-v1:0').kind).toBe(
      'foundation-model'
    )
  })

  it.each([
    ['', /empty/],
    ['has space.x', /spaces/],
    ['noprovider', /not a Bedrock model ID/],
    ['us.', /not a Bedrock model ID|profile prefix/],
    ['arn:aws:bedrock:us-east-1:123:foundation-model/x.y', /with an account ID/],
    ['arn:aws:bedrock:us-east-1::inference-profile/us.x.y', /12-digit account/],
    ['arn:aws:lambda:us-east-1::foundation-model/x.y', /service "lambda"/],
    ['arn:aws:bedrock:nowhere::foundation-model/x.y', /invalid region/],
    ['a'.repeat(600), /longer than/]
  ])('refuses %j', (input, problem) => {
    expect(() => parseModelRef(input)).toThrow(ModelIdError)
    expect(() => parseModelRef(input)).toThrow(problem)
  })

  // The Bedrock runtime's own modelId grammar (api-models-aws, bedrock-runtime), matched whole as the service does.
  it.each([
    // The users' reports: a foundation-model ARN takes one version suffix after provider.model.
    [
      'arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0:28k',
      'Call the model by its ID instead of the ARN: anthropic.claude-3-sonnet-20240229-v1:0:28k'
    ],
    ['arn:aws:bedrock:us-east-1::foundation-model/Anthropic.claude-x', 'Copy the exact ID'],
    ['anthropic.claude_3_haiku', 'Copy the exact ID']
  ])("refuses %j as Bedrock's grammar would, with the fix", (input, fix) => {
    let error: unknown
    try {
      parseModelRef(input)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ModelIdError)
    expect((error as ModelIdError).message).toMatch(/^is not an identifier Bedrock accepts/)
    expect((error as ModelIdError).fix).toContain(fix)
  })

  it.each([
    'anthropic.claude-v2:1:200k',
    'Anthropic.Claude-Sonnet-4-6',
    'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
    'arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
    'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-6',
    'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123def456',
    'twelvelabs.marengo-embed-2-7-v1:0'
  ])("accepts %j, as Bedrock's grammar does", input => {
    expect(() => parseModelRef(input)).not.toThrow()
  })
})

describe('model facts', () => {
  it('knows which providers are sold through AWS Marketplace', () => {
    for (const id of [
      'amazon.nova-lite-v1:0',
      'meta.llama3-1-8b-instruct-v1:0',
      'mistral.mistral-large-2402-v1:0',
      'deepseek.r1-v1:0',
      'qwen.qwen3-32b-v1:0',
      'openai.gpt-oss-120b-1:0'
    ]) {
      expect(isMarketplaceModel(id)).toBe(false)
    }
    for (const id of [
      'anthropic.claude-sonnet-4-6',
      'cohere.embed-english-v3',
      'ai21.jamba-1-5-large-v1:0',
      'stability.sd3-5-large-v1:0'
    ]) {
      expect(isMarketplaceModel(id)).toBe(true)
    }
  })

  it('guesses the modality from the ID', () => {
    expect(modalityFromId('amazon.titan-embed-text-v2:0')).toBe('embedding')
    expect(modalityFromId('cohere.embed-english-v3')).toBe('embedding')
    expect(modalityFromId('stability.sd3-5-large-v1:0')).toBe('image')
    expect(modalityFromId('amazon.nova-canvas-v1:0')).toBe('image')
    expect(modalityFromId('amazon.nova-reel-v1:1')).toBe('video')
    expect(modalityFromId('anthropic.claude-sonnet-4-6')).toBe('text')
  })

  it('builds and reads foundation-model ARNs in the right partition', () => {
    expect(foundationModelArn('us-gov-west-1', 'a.b-1')).toBe(
      'arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/a.b-1'
    )
    expect(foundationModelArn('cn-north-1', 'a.b-1')).toBe(
      'arn:aws-cn:bedrock:cn-north-1::foundation-model/a.b-1'
    )
    // Partitions come from the SDK's own data: the European Sovereign Cloud and the ISO partitions too.
    expect(foundationModelArn('eusc-de-east-1', 'a.b-1')).toBe(
      'arn:aws-eusc:bedrock:eusc-de-east-1::foundation-model/a.b-1'
    )
    expect(partitionOf('us-iso-east-1')).toBe('aws-iso')
    expect(partitionOf('us-isob-east-1')).toBe('aws-iso-b')
    expect(partitionOf('eu-west-1')).toBe('aws')
    expect(
      baseModelIdFromArn('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0')
    ).toBe('anthropic.claude-3-haiku-20240307-v1:0')
  })
})

describe('regions the SDK knows', () => {
  it('knows the regions of every partition, and not a typo', () => {
    for (const region of ['us-east-1', 'eu-central-1', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-2'])
      expect(isKnownRegion(region)).toBe(true)
    expect(isKnownRegion('eu-centrl-1')).toBe(false)
  })

  it('finds the known regions one edit away: dropped, added, changed or swapped letters', () => {
    expect(nearestKnownRegions('eu-centrl-1')).toEqual(['eu-central-1'])
    expect(nearestKnownRegions('us-eastt-1')).toEqual(['us-east-1'])
    expect(nearestKnownRegions('us-esat-1')).toEqual(['us-east-1'])
    expect(nearestKnownRegions('ap-southaest-1')).toEqual(['ap-southeast-1'])
    expect(nearestKnownRegions('us-est-1')).toEqual(['us-east-1', 'us-west-1'])
    expect(nearestKnownRegions('zz-nowhere-9')).toEqual([])
    expect(regionChoices(['eu-west-1', 'eu-west-2', 'eu-west-3'])).toBe('eu-west-1, eu-west-2 or eu-west-3')
  })
})
