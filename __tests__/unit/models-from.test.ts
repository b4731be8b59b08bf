import { parseModelRef } from '../../src/bedrock/model-id.js'
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  addedIdsFromPatch,
  anchorPatterns,
  findModelIds,
  withAddedFirst,
  scanText
} from '../../src/inputs/models-from.js'

describe('model ID pattern', () => {
  it('finds base IDs, profile IDs and ARNs with their lines', () => {
    const text = [
      'model_id = "anthropic.claude-3-haiku-20240307-v1:0"',
      'MODEL: us.anthropic.claude-sonnet-4-6 # primary',
      'const arn = `arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0`;',
      'profile=arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-sonnet-4-6',
      "embed: 'amazon.titan-embed-text-v2:0', apac.amazon.nova-lite-v1:0."
    ].join('\n')
    expect(scanText(text)).toEqual([
      { id: 'anthropic.claude-3-haiku-20240307-v1:0', line: 1 },
      { id: 'us.anthropic.claude-sonnet-4-6', line: 2 },
      { id: 'arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0', line: 3 },
      {
        id: 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-sonnet-4-6',
        line: 4
      },
      { id: 'amazon.titan-embed-text-v2:0', line: 5 },
      { id: 'apac.amazon.nova-lite-v1:0', line: 5 }
    ])
  })

  it('ignores look-alikes: domains, package names, URLs and unknown providers', () => {
    const text = [
      'see https://aws.amazon.com/bedrock and docs.anthropic.com',
      'import com.amazon.aws-sdk-core',
      'openai.chat.completions.create(model="gpt-4o")',
      'anthropic.messages.create()',
      'unknownvendor.model-v1:0',
      'https://example.com/anthropic.claude-sonnet-4-6'
    ].join('\n')
    expect(scanText(text)).toEqual([])
  })
})

describe('models-from files', () => {
  it('scans the globbed files and records the first place each ID appears', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'models-from-'))
    mkdirSync(join(dir, 'src'))
    writeFileSync(join(dir, 'src/app.py'), 'x = 1\nMODEL = "us.anthropic.claude-sonnet-4-6"\n')
    writeFileSync(
      join(dir, 'src/other.ts'),
      'const m = "us.anthropic.claude-sonnet-4-6"; const e = "cohere.embed-english-v3"\n'
    )
    writeFileSync(join(dir, 'README.md'), 'anthropic.claude-3-haiku-20240307-v1:0\n')
    const found = await findModelIds(`${dir}/src/**`, dir)
    expect(found.ids).toEqual(['us.anthropic.claude-sonnet-4-6', 'cohere.embed-english-v3'])
    expect(found.sources.get('us.anthropic.claude-sonnet-4-6')).toEqual({ file: 'src/app.py', line: 2 })
    expect(found.sources.get('cohere.embed-english-v3')).toEqual({ file: 'src/other.ts', line: 1 })
  })
})

describe('pull requests', () => {
  it('reads IDs from added lines with their new line numbers', () => {
    const patch = [
      '@@ -10,3 +10,4 @@ def f():',
      ' a = 1',
      '-MODEL = "anthropic.claude-3-haiku-20240307-v1:0"',
      '+MODEL = "us.anthropic.claude-sonnet-4-6"',
      '+EMBED = "amazon.titan-embed-text-v2:0"',
      ' b = 2'
    ].join('\n')
    expect(addedIdsFromPatch(patch)).toEqual([
      { id: 'us.anthropic.claude-sonnet-4-6', line: 11 },
      { id: 'amazon.titan-embed-text-v2:0', line: 12 }
    ])
  })

  it('puts the checks of the IDs a PR adds first, pointing at the added line', () => {
    const pair = (id: string, region: string, line: number) => ({
      ref: parseModelRef(id),
      region,
      source: { file: 'old.ts', line }
    })
    const inputs = {
      pairs: [pair('a.x-1', 'us-east-1', 1), pair('b.y-1', 'us-east-1', 2), pair('b.y-1', 'us-west-2', 2)]
    }
    const preferred = withAddedFirst(inputs, [{ id: 'b.y-1', file: 'new.ts', line: 9 }])
    expect(preferred.pairs.map(p => `${p.ref.input}@${p.region}`)).toEqual([
      'b.y-1@us-east-1',
      'b.y-1@us-west-2',
      'a.x-1@us-east-1'
    ])
    expect(preferred.pairs[0]!.source).toEqual({ file: 'new.ts', line: 9 })
    expect(preferred.pairs[2]!.source).toEqual({ file: 'old.ts', line: 1 })
  })
})

describe('anchorPatterns', () => {
  it('anchors relative patterns (and negations) at the workspace, keeps absolute ones', () => {
    expect(anchorPatterns('src/**\n!src/vendor/**, /etc/x.yml\n# comment', '/ws')).toBe(
      '/ws/src/**\n!/ws/src/vendor/**\n/etc/x.yml'
    )
  })
})
