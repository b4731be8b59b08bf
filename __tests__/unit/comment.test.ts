/**
 * The PR comment is a digest, bounded whatever the run's size: the verdict, the gate table, each closed cause once
 * with its fix, a line per warning, and the way to the job summary; the grid only while it is small.
 */
import { describe, expect, it } from '@jest/globals'
import { checkOf, openGates } from '../../__fixtures__/checks.js'
import { COMMENT_GRID_MAX, renderComment, renderSummary } from '../../src/report/render/summary.js'
import { buildReport } from '../../src/report/build/verdict.js'
import type { CheckResult, GateResult } from '../../src/types.js'
import { githubView } from '../support/github-view.js'

const scp: GateResult = {
  status: 'fail',
  cause: 'iam-scp-deny',
  detail: 'SCP denies',
  fix: 'Ask the administrators.'
}
const throttled: GateResult = { status: 'warn', cause: 'throttled', detail: 'throttled after retries' }
const comment = {
  runUrl: 'https://github.com/o/r/actions/runs/42',
  commit: '0123456789abcdef',
  time: new Date(0)
}

function run(pairs: number) {
  const regions = [
    'us-east-1',
    'us-west-2',
    'eu-west-1',
    'eu-central-1',
    'ap-northeast-1',
    'ap-southeast-2',
    'ca-central-1',
    'sa-east-1'
  ]
  const checks: CheckResult[] = []
  for (let i = 0; checks.length < pairs; i++)
    for (const region of regions) {
      if (checks.length >= pairs) break
      const gates =
        i % 3 === 0
          ? openGates({ 'iam-permission': scp })
          : i % 3 === 1
            ? openGates({ capacity: throttled })
            : openGates()
      checks.push(checkOf(gates, `provider.model-${i}-v1:0`, region))
    }
  return buildReport(
    checks,
    { account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/ci/x' },
    []
  )
}

describe('the PR comment', () => {
  it('for 256 pairs: bounded, each cause once, no grid, and the way to the full report', () => {
    const report = run(256)
    const digest = renderComment(report, comment)
    const full = renderSummary(report)
    expect(digest.length).toBeLessThan(12_000)
    expect(digest.length).toBeLessThan(full.length / 4)
    const view = githubView(digest)
    expect(view.html.match(/<h3>/g)).toHaveLength(1)
    const closed = report.checks.filter(check => check.gates['iam-permission'].status === 'fail').length
    expect(view.text).toContain(`and ${closed - 6} more`)
    expect(view.tables.map(table => table[0]?.[0])).toEqual(['Gate'])
    expect(digest).toContain('<a href="https://github.com/o/r/actions/runs/42">job summary of this run</a>')
  })

  it(`a small run keeps its grid (up to ${COMMENT_GRID_MAX} checks)`, () => {
    const view = githubView(renderComment(run(COMMENT_GRID_MAX), comment))
    expect(view.tables.map(table => table[0]?.[0])).toEqual(['Model', 'Gate'])
    expect(githubView(renderComment(run(COMMENT_GRID_MAX + 1), comment)).tables).toHaveLength(1)
  })
})
