import { describe, expect, it } from '@jest/globals'
import { profileCoversRegion } from '../../../src/gates/plan.js'

describe('profileCoversRegion: a profile call goes out with the reads only where its geography covers the region', () => {
  it.each([
    ['us.anthropic.claude-sonnet-4-6', 'us-east-2', true],
    ['us.anthropic.claude-sonnet-4-6', 'eu-west-1', false],
    ['eu.anthropic.claude-sonnet-4-6', 'eu-north-1', true],
    // APAC's source regions include the Middle East (UAE) and Taipei (the CDK's CrossRegionInferenceProfileRegion).
    ['apac.anthropic.claude-sonnet-4-6', 'me-central-1', true],
    ['apac.anthropic.claude-sonnet-4-6', 'ap-east-2', true],
    ['apac.anthropic.claude-sonnet-4-6', 'me-south-1', false],
    ['jp.anthropic.claude-sonnet-4-6', 'ap-northeast-3', true],
    ['au.anthropic.claude-sonnet-4-6', 'ap-southeast-4', true],
    ['global.anthropic.claude-sonnet-4-6', 'sa-east-1', true],
    // A geography this release does not know waits for GetInferenceProfile.
    ['in.anthropic.claude-sonnet-4-6', 'ap-south-1', false]
  ])('%s from %s: %s', (profile, region, covers) => {
    expect(profileCoversRegion(profile, region)).toBe(covers)
  })
})
