import { describe, expect, it } from '@jest/globals'
import { buildPairs, MAX_PAIRS } from '../../src/inputs/models.js'
import { parseInputs, type ProbeInputs } from '../../src/inputs/parse.js'
import { InputError, splitList } from '../../src/inputs/values.js'
import { parseModelRef } from '../../src/bedrock/model-id.js'

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''
const parse = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  parseInputs(reader(values), env)

function refusal(values: Record<string, string>, env: NodeJS.ProcessEnv = {}): InputError {
  try {
    parse(values, env)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError')
}

describe('service-tier', () => {
  it('none by default; a known tier in any case is sent as AWS spells it', () => {
    const base = { models: 'amazon.nova-lite-v1:0', regions: 'us-east-1' }
    expect(parse(base).serviceTier).toBeUndefined()
    expect(parse({ ...base, 'service-tier': ' Flex ' }).serviceTier).toBe('flex')
    expect(parse({ ...base, 'service-tier': 'reserved' }).serviceTier).toBe('reserved')
  })
})

describe('list inputs', () => {
  it('split on newlines and commas and drop blanks', () => {
    expect(splitList(' a ,b\n\n c,\n')).toEqual(['a', 'b', 'c'])
  })

  it('build every model × region pair, deduplicated', () => {
    const inputs = parse({
      models: 'amazon.nova-lite-v1:0\namazon.nova-lite-v1:0, us.anthropic.claude-sonnet-4-6',
      regions: 'us-east-1, eu-central-1, us-east-1'
    })
    expect(inputs.pairs.map(pair => `${pair.ref.input}@${pair.region}`)).toEqual([
      'amazon.nova-lite-v1:0@us-east-1',
      'amazon.nova-lite-v1:0@eu-central-1',
      'us.anthropic.claude-sonnet-4-6@us-east-1',
      'us.anthropic.claude-sonnet-4-6@eu-central-1'
    ])
  })

  it('probe an ARN in its own region only', () => {
    const pairs = buildPairs(
      [parseModelRef('arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0')],
      ['us-east-1', 'us-west-2']
    )
    expect(pairs.map(pair => pair.region)).toEqual(['eu-west-1'])
  })
})

const regionsOf = (inputs: ProbeInputs) => inputs.pairs.map(pair => pair.region)

describe('defaults', () => {
  it('match the documented ones', () => {
    const inputs = parse({ models: 'amazon.nova-lite-v1:0', regions: 'us-east-1' })
    expect(inputs).toMatchObject({
      audience: 'sts.amazonaws.com',
      roleSessionName: 'bedrock-access-probe',
      roleDurationSeconds: 900,
      invoke: true,
      failOn: 'error',
      requestTimeoutMs: 30_000,
      timeoutMs: 600_000,
      createAgreement: false,
      maskAccountId: false,
      comment: false
    })
    expect(inputs.waitTimeoutSeconds).toBeUndefined()
    expect(inputs.roleToAssume).toBeUndefined()
  })

  it('take regions from AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(
      regionsOf(
        parse(
          { models: 'amazon.nova-lite-v1:0' },
          { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' }
        )
      )
    ).toEqual(['eu-west-1'])
    expect(
      regionsOf(parse({ models: 'amazon.nova-lite-v1:0' }, { AWS_DEFAULT_REGION: 'us-west-2' }))
    ).toEqual(['us-west-2'])
  })

  it('accept the region shapes of every partition: GovCloud, China, ISO, the European Sovereign Cloud', () => {
    expect(
      regionsOf(
        parse({
          models: 'amazon.nova-lite-v1:0',
          regions: 'us-gov-west-1, cn-north-1, us-isob-east-1, eusc-de-east-1'
        })
      )
    ).toEqual(['us-gov-west-1', 'cn-north-1', 'us-isob-east-1', 'eusc-de-east-1'])
    expect(
      parse({
        models: 'amazon.nova-lite-v1:0',
        regions: 'eusc-de-east-1',
        'role-to-assume': 'arn:aws-eusc:iam::123456789012:role/bedrock-ci'
      }).roleToAssume
    ).toBe('arn:aws-eusc:iam::123456789012:role/bedrock-ci')
  })
})

describe('bad inputs are refused with the input name and a fix', () => {
  const base = { models: 'amazon.nova-lite-v1:0', regions: 'us-east-1' }
  const cases: [string, Record<string, string>, string, RegExp][] = [
    ['empty models', { ...base, models: '' }, 'models', /is empty/],
    ['an unknown call', { ...base, calls: 'converse, chat' }, 'calls', /entry "chat" is not a call/],
    ['an unknown workload', { ...base, workload: 'cline' }, 'workload', /is "cline"/],
    [
      'a short account ID',
      { ...base, 'allowed-account-ids': '12345' },
      'allowed-account-ids',
      /not a 12-digit AWS account ID/
    ],
    [
      'a non-boolean export-credentials',
      { ...base, 'export-credentials': 'yes' },
      'export-credentials',
      /not a boolean/
    ],
    ['whitespace-only models', { ...base, models: ' \n , \n' }, 'models', /is empty/],
    [
      'a model ID with a space',
      { ...base, models: 'amazon.nova lite' },
      'models',
      /spaces or control characters/
    ],
    [
      'a model ID with a control character',
      { ...base, models: 'amazon.nova\u0007-lite' },
      'models',
      /control characters/
    ],
    [
      'a model ID without a provider',
      { ...base, models: 'claude-sonnet' },
      'models',
      /not a Bedrock model ID/
    ],
    [
      'an ARN of another service',
      { ...base, models: 'arn:aws:s3:us-east-1::foundation-model/x.y' },
      'models',
      /service "s3"/
    ],
    [
      'an ARN of an unknown partition',
      { ...base, models: 'arn:aws-mars:bedrock:us-east-1::foundation-model/x.y' },
      'models',
      /partition/
    ],
    ['a truncated ARN', { ...base, models: 'arn:aws:bedrock:us-east-1' }, 'models', /not a valid ARN/],
    [
      'an ARN of an unsupported type',
      { ...base, models: 'arn:aws:bedrock:us-east-1:111122223333:custom-model/abc' },
      'models',
      /custom-model/
    ],
    ['an unknown region shape', { ...base, regions: 'mars-north-1x' }, 'regions', /not an AWS region/],
    ['a region with a space', { ...base, regions: 'us east 1' }, 'regions', /not an AWS region/],
    ['no region at all', { models: 'amazon.nova-lite-v1:0' }, 'regions', /AWS_REGION/],
    [
      'a role that is not a role ARN',
      { ...base, 'role-to-assume': 'arn:aws:iam::123456789012:user/bob' },
      'role-to-assume',
      /not an IAM role ARN/
    ],
    [
      'a role name instead of an ARN',
      { ...base, 'role-to-assume': 'bedrock-ci' },
      'role-to-assume',
      /not an IAM role ARN/
    ],
    [
      'a duration under STS bounds',
      { ...base, 'role-duration-seconds': '899' },
      'role-duration-seconds',
      /900 to 43200/
    ],
    [
      'a duration over STS bounds',
      { ...base, 'role-duration-seconds': '43201' },
      'role-duration-seconds',
      /900 to 43200/
    ],
    [
      'a non-numeric duration',
      { ...base, 'role-duration-seconds': '1h' },
      'role-duration-seconds',
      /not a whole number/
    ],
    ['a boolean that is not one', { ...base, invoke: 'yes' }, 'invoke', /not a boolean/],
    [
      'create-agreement not a boolean',
      { ...base, 'create-agreement': '1' },
      'create-agreement',
      /not a boolean/
    ],
    [
      'mask-account-id not a boolean',
      { ...base, 'mask-account-id': 'on' },
      'mask-account-id',
      /not a boolean/
    ],
    ['comment not a boolean', { ...base, comment: 'yes please' }, 'comment', /not a boolean/],
    ['an unknown fail-on', { ...base, 'fail-on': 'sometimes' }, 'fail-on', /error .* warn or never/],
    [
      'job-minutes not a number',
      { ...base, 'job-minutes': 'two hours' },
      'job-minutes',
      /not a whole number/
    ],
    ['job-minutes past 5 days', { ...base, 'job-minutes': '10000' }, 'job-minutes', /1 to 7200/],
    [
      'a service tier Bedrock does not know',
      { ...base, 'service-tier': 'standard' },
      'service-tier',
      /"standard"\. Use one of default, priority, flex, reserved/
    ],
    [
      'a zero request timeout',
      { ...base, 'request-timeout-seconds': '0' },
      'request-timeout-seconds',
      /1 to 300/
    ],
    [
      'a negative wait',
      { ...base, 'wait-timeout-seconds': '-5' },
      'wait-timeout-seconds',
      /not a whole number/
    ],
    [
      'a bad session name',
      { ...base, 'role-session-name': 'has spaces' },
      'role-session-name',
      /letters, digits/
    ],
    [
      'a use-case form that is not JSON',
      { ...base, 'use-case-form': '{nope' },
      'use-case-form',
      /not valid JSON/
    ],
    [
      'a use-case form file that does not exist',
      { ...base, 'use-case-form': '/nonexistent/form.json' },
      'use-case-form',
      /neither inline JSON nor a readable file/
    ]
  ]
  it.each(cases)('%s', (_name, values, input, problem) => {
    const error = refusal(values)
    expect(error.input).toBe(input)
    expect(error.message).toMatch(new RegExp(`^Input "${input}"`))
    expect(error.message).toMatch(problem)
    expect(error.fix.length).toBeGreaterThan(10)
  })

  it('caps the number of checks', () => {
    const models = Array.from({ length: 51 }, (_, i) => `amazon.model-${i}-v1:0`).join('\n')
    const error = refusal({ models, regions: 'us-east-1, us-west-2' })
    expect(error.message).toContain(`102 model × region checks; the limit is ${MAX_PAIRS}`)
  })

  it('shows control characters in an echoed input as visible escapes, never raw', () => {
    const error = refusal({ ...base, models: 'amazon.x\n::error::forged' })
    expect(error.message).not.toContain('\n')
  })
})

describe('the workload: calls, presets, accounts', () => {
  const base = { models: 'amazon.nova-lite-v1:0', regions: 'us-east-1' }
  /** Claude Code's models only: what its environment names. */
  const claudeCodeOnly = { models: '', regions: 'us-east-1', workload: 'claude-code' }

  it('calls default to converse, deduplicated in the order given', () => {
    expect(parse(base).calls).toEqual(['converse'])
    expect(parse({ ...base, calls: 'invoke-stream\nconverse, invoke-stream' }).calls).toEqual([
      'invoke-stream',
      'converse'
    ])
  })

  it("claude-code: Claude Code's calls (the Invoke API, streaming), its profile listing and its models", () => {
    const inputs = parse(claudeCodeOnly, {
      ANTHROPIC_MODEL: 'us.anthropic.claude-sonnet-4-6',
      ANTHROPIC_SMALL_FAST_MODEL: 'us.anthropic.claude-3-haiku-20240307-v1:0',
      ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION: 'us-west-2'
    })
    expect(inputs.calls).toEqual(['invoke', 'invoke-stream'])
    expect(inputs.listsInferenceProfiles).toBe(true)
    expect(inputs.pairs.map(pair => `${pair.ref.input}@${pair.region}`)).toEqual([
      'us.anthropic.claude-sonnet-4-6@us-east-1',
      'us.anthropic.claude-3-haiku-20240307-v1:0@us-west-2'
    ])
  })

  it('claude-code adds its calls to the ones asked for, and its models to the models input', () => {
    const inputs = parse(
      { ...base, workload: 'claude-code', calls: 'converse' },
      { ANTHROPIC_DEFAULT_SONNET_MODEL: 'us.anthropic.claude-sonnet-4-6' }
    )
    expect(inputs.calls).toEqual(['converse', 'invoke', 'invoke-stream'])
    expect(inputs.pairs.map(pair => pair.ref.input)).toEqual([
      'amazon.nova-lite-v1:0',
      'us.anthropic.claude-sonnet-4-6'
    ])
  })

  it('claude-code: an alias in ANTHROPIC_MODEL is resolved through its pins, never called as a model ID', () => {
    const pinned = parse(claudeCodeOnly, {
      ANTHROPIC_MODEL: 'opusplan',
      ANTHROPIC_DEFAULT_OPUS_MODEL: 'us.anthropic.claude-opus-4-6-v1',
      ANTHROPIC_DEFAULT_SONNET_MODEL: 'us.anthropic.claude-sonnet-4-6[1m]'
    })
    // "[1m]" asks for the long context of the same model: the model is checked.
    expect(pinned.pairs.map(pair => pair.ref.input)).toEqual([
      'us.anthropic.claude-opus-4-6-v1',
      'us.anthropic.claude-sonnet-4-6'
    ])
    expect(pinned.notes).toEqual([])

    const unpinned = parse(
      { models: 'amazon.nova-lite-v1:0', regions: 'us-east-1', workload: 'claude-code' },
      { ANTHROPIC_MODEL: 'sonnet[1m]' }
    )
    expect(unpinned.pairs.map(pair => pair.ref.input)).toEqual(['amazon.nova-lite-v1:0'])
    expect(unpinned.notes).toHaveLength(1)
    expect(unpinned.notes[0]).toContain(
      'ANTHROPIC_MODEL=sonnet[1m] is a Claude Code alias, and ANTHROPIC_DEFAULT_SONNET_MODEL does not pin it'
    )
    // The older name of the Haiku pin pins the alias too.
    expect(
      parse(claudeCodeOnly, {
        ANTHROPIC_MODEL: 'haiku',
        ANTHROPIC_SMALL_FAST_MODEL: 'us.anthropic.claude-3-haiku-20240307-v1:0'
      }).notes
    ).toEqual([])
  })

  it('claude-code: an alias alone leaves nothing to check, and the error says which variable to set', () => {
    const error = refusal(claudeCodeOnly, { ANTHROPIC_MODEL: 'opus' })
    expect(error.input).toBe('models')
    expect(error.message).toContain('ANTHROPIC_MODEL=opus is a Claude Code alias')
    expect(error.message).toContain(
      'Set ANTHROPIC_DEFAULT_OPUS_MODEL to the model ID it should call (e.g. us.anthropic.claude-opus-4-6-v1)'
    )
  })

  it('claude-code: a variable that holds no model ID is named, not the models input', () => {
    const error = refusal(claudeCodeOnly, { ANTHROPIC_DEFAULT_SONNET_MODEL: 'claude sonnet' })
    expect(error.input).toBe('workload')
    expect(error.message).toContain('reads ANTHROPIC_DEFAULT_SONNET_MODEL="claude sonnet", which')
  })

  it('a bad ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION is named', () => {
    const error = refusal(claudeCodeOnly, {
      ANTHROPIC_SMALL_FAST_MODEL: 'us.anthropic.claude-3-haiku-20240307-v1:0',
      ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION: 'west'
    })
    expect(error.input).toBe('workload')
    expect(error.message).toContain('ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION="west"')
  })

  it('allowed-account-ids and export-credentials', () => {
    const inputs = parse({
      ...base,
      'allowed-account-ids': '111122223333,444455556666',
      'export-credentials': 'true'
    })
    expect(inputs.allowedAccountIds).toEqual(['111122223333', '444455556666'])
    expect(inputs.exportCredentials).toBe(true)
    expect(parse(base).exportCredentials).toBe(false)
  })
})
