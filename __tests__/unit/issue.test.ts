import { describe, expect, it } from '@jest/globals'
import { checkOf, openGates } from '../../__fixtures__/checks.js'
import {
  changesSince,
  issueBody,
  problemsOf,
  wantsIssue,
  watchMarker
} from '../../src/report/github/issue.js'
import { buildReport } from '../../src/report/build/verdict.js'
import type { GateResult } from '../../src/types.js'

const closed: GateResult = { status: 'fail', cause: 'iam-no-allow', detail: 'No IAM policy allows the call' }
const warned: GateResult = { status: 'warn', cause: 'model-eol-soon', detail: 'ends in 20 days' }
const report = (gates: Parameters<typeof openGates>[0], model = 'amazon.nova-lite-v1:0') =>
  buildReport(
    [checkOf(openGates(gates), model, 'us-east-1')],
    { account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/r/s' },
    []
  )
const CONTEXT = { workflow: '.github/workflows/watch.yml', job: 'bedrock' }

describe('the watch issue', () => {
  it('is wanted on a failure, and on a warning only with open-issue: warnings', () => {
    expect(wantsIssue(report({ 'iam-permission': closed }), 'failures')).toBe(true)
    expect(wantsIssue(report({ 'model-access': warned }), 'failures')).toBe(false)
    expect(wantsIssue(report({ 'model-access': warned }), 'warnings')).toBe(true)
    expect(wantsIssue(report({}), 'warnings')).toBe(false)
    expect(wantsIssue(report({ 'iam-permission': closed }), 'never')).toBe(false)
  })

  it('is found by a marker no workflow or job name can break out of', () => {
    expect(watchMarker({ workflow: 'a--b>c', job: 'x' })).toBe(
      '<!-- bedrock-access-probe:watch workflow=a-bc job=x -->'
    )
  })

  it('keeps its problems in the body, and the next run says what changed', () => {
    const first = issueBody(report({ 'iam-permission': closed }), CONTEXT)
    const state = /bedrock-access-probe:state (.*?) -->/.exec(first)![1]!
    // The state is JSON whose "-" are escaped, so no model ID can end the HTML comment.
    expect(state).not.toContain('--')
    const previous = JSON.parse(state) as string[]
    expect(previous).toEqual(['amazon.nova-lite-v1:0 @ us-east-1: iam-permission fail (iam-no-allow)'])
    const now = problemsOf(report({ 'model-access': warned }))
    expect(changesSince(previous, now)).toBe(
      'New since the last run:\n\n- `amazon.nova-lite-v1:0 @ us-east-1: model-access warn (model-eol-soon)`\n\n' +
        'No longer seen:\n\n- `amazon.nova-lite-v1:0 @ us-east-1: iam-permission fail (iam-no-allow)`'
    )
    expect(changesSince(previous, previous)).toBeUndefined()
  })

  it('stays within the body GitHub accepts, saying where the rest is', () => {
    const many = buildReport(
      Array.from({ length: 400 }, (_, index) =>
        checkOf(
          openGates({ 'iam-permission': { ...closed, detail: `${'x'.repeat(300)} ${index}` } }),
          `m.model-${index}`,
          'us-east-1'
        )
      ),
      undefined,
      []
    )
    const body = issueBody(many, { ...CONTEXT, runUrl: 'https://github.com/o/r/actions/runs/1' })
    expect(body.length).toBeLessThanOrEqual(65_000)
    expect(body).toContain('The summary is cut here')
  })
})
