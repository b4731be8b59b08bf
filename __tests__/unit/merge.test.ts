/** Merging the reports of a fleet: accounts, the worst result, the policy only for one account. */
import { describe, expect, it } from '@jest/globals'
import { checkOf, openGates } from '../../__fixtures__/checks.js'
import { mergeReports } from '../../src/report/merge/merge.js'
import { buildReport } from '../../src/report/build/verdict.js'
import type { IamStatement } from '../../src/types.js'

const closed = openGates({ 'iam-permission': { status: 'fail', cause: 'iam-no-allow', detail: 'no allow' } })
const statement: IamStatement = {
  Sid: 'S',
  Effect: 'Allow',
  Action: ['bedrock:InvokeModel'],
  Resource: ['arn:m']
}

function reportOf(account: string | undefined, failing: boolean) {
  const check = checkOf(failing ? closed : openGates(), 'm.x-1', 'us-east-1')
  if (failing) check.iamStatement = statement
  return buildReport(
    [check],
    account ? { account, arn: `arn:aws:sts::${account}:assumed-role/r/s` } : undefined,
    []
  )
}

describe('mergeReports', () => {
  it('tags each check with its account, takes the worst result, and recounts', () => {
    const { report, iamPolicy } = mergeReports([
      { report: reportOf('111111111111', false), file: 'a.json' },
      { report: reportOf('222222222222', true), file: 'b.json' }
    ])
    expect(report.result).toBe('fail')
    expect(report.counts).toMatchObject({ pass: 1, fail: 1 })
    expect(report.checks.map(check => check.account)).toEqual(['111111111111', '222222222222'])
    expect(report.identity).toBeUndefined()
    // A policy is attached per account: none for a mixed fleet.
    expect(iamPolicy).toBe('')
  })

  it('keeps the service tier only when every job asked for the same one', () => {
    const scoped = (serviceTier?: 'flex' | 'priority') => {
      const report = reportOf('111111111111', false)
      report.probed = {
        models: 1,
        regions: ['us-east-1'],
        calls: ['converse'],
        invoke: true,
        bootstrap: false,
        durationMs: 10,
        ...(serviceTier ? { serviceTier } : {})
      }
      return { report, file: 'a.json' }
    }
    expect(mergeReports([scoped('flex'), scoped('flex')]).report.probed?.serviceTier).toBe('flex')
    expect(mergeReports([scoped('flex'), scoped('priority')]).report.probed?.serviceTier).toBeUndefined()
    expect(mergeReports([scoped('flex'), scoped()]).report.probed?.serviceTier).toBeUndefined()
  })

  it('a masked account (***) is told apart by its file name', () => {
    const { report } = mergeReports([
      { report: reportOf('***', false), file: '/r/report-333333333333.json' },
      { report: reportOf(undefined, false), file: '/r/eu-team.json' }
    ])
    expect(report.checks.map(check => check.account)).toEqual(['333333333333', 'eu-team'])
  })

  it('reports of one account (several region sets) keep its identity and its policy', () => {
    const { report, iamPolicy } = mergeReports([
      { report: reportOf('111111111111', true), file: 'a.json' },
      { report: reportOf('111111111111', false), file: 'b.json' }
    ])
    expect(report.identity?.account).toBe('111111111111')
    expect(JSON.parse(iamPolicy).Statement[0].Resource).toEqual(['arn:m'])
  })
})
