/** Bedrock API keys read locally: kind, region, expiry and account, never the secret. */
import { describe, expect, it } from '@jest/globals'
import { longTermApiKey, shortTermApiKey } from '../../../emulator/state.js'
import { describeApiKey } from '../../../src/aws/bedrock-api-key.js'
import { describeApiKeyInWords } from '../../../src/gates/credentials.js'

describe('describeApiKey', () => {
  it('reads a short-term key: access key, region, issue time and expiry', () => {
    const issued = new Date('2026-11-23T08:00:00Z')
    const info = describeApiKey(shortTermApiKey('eu-central-1', issued, 3600))
    expect(info).toEqual({
      kind: 'short-term',
      accessKeyId: 'ASIAEMULATORKEY00001',
      region: 'eu-central-1',
      issuedAt: issued,
      expiresAt: new Date('2026-11-23T09:00:00Z')
    })
  })

  it('reads the account of a long-term key, and never returns its secret', () => {
    const info = describeApiKey(longTermApiKey('444455556666', 'BedrockAPIKey-ab12'))
    expect(info).toEqual({ kind: 'long-term', keyName: 'BedrockAPIKey-ab12', account: '444455556666' })
    expect(describeApiKeyInWords(info)).not.toContain('c2VjcmV0')
  })

  it.each([
    '',
    'not-a-key',
    'bedrock-api-key-%%%',
    'bedrock-api-key-' + Buffer.from('no query').toString('base64'),
    'ABSK!!!'
  ])('calls %p unrecognised', key => {
    expect(describeApiKey(key)).toEqual({ kind: 'unrecognised' })
  })
})
