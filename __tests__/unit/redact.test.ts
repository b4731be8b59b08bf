/** mask-account-id: every account the run touched is masked, wherever the report names it. */
import { describe, expect, it } from '@jest/globals'
import { checkOf, openGates } from '../../__fixtures__/checks.js'
import { accountsIn, redactAccount } from '../../src/report/build/redact.js'
import { buildReport } from '../../src/report/build/verdict.js'

const MEMBER = '111122223333'
const MANAGEMENT = '999988887777'
const OTHER = '444455556666'

function outcome() {
  const check = checkOf(
    openGates({
      'iam-permission': {
        status: 'fail',
        cause: 'iam-no-allow',
        detail: `User: arn:aws:sts::${MEMBER}:assumed-role/ci/x is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1:${OTHER}:application-inference-profile/abc`
      }
    }),
    'm.x-1',
    'us-east-1'
  )
  const report = buildReport([check], { account: MEMBER, arn: `arn:aws:sts::${MEMBER}:assumed-role/ci/x` }, [
    { action: 'use-case-form-submitted', region: 'us-east-1', account: MANAGEMENT }
  ])
  report.useCaseForm = {
    via: 'management-role',
    account: MANAGEMENT,
    roleArn: `arn:aws:iam::${MANAGEMENT}:role/bedrock-form`,
    regions: [{ region: 'us-east-1', state: 'submitted' }]
  }
  return { report, iamPolicy: `{"Resource": "arn:aws:bedrock:us-east-1:${MEMBER}:inference-profile/us.x"}` }
}

describe('mask-account-id', () => {
  it("finds the caller's, the management account's and any account an ARN names", () => {
    expect(accountsIn(outcome().report).sort()).toEqual([MEMBER, OTHER, MANAGEMENT].sort())
  })

  it('leaves none of them in the report or the policy', () => {
    const masked = redactAccount(outcome())
    const text = JSON.stringify(masked.report) + masked.iamPolicy
    for (const account of [MEMBER, MANAGEMENT, OTHER]) expect(text).not.toContain(account)
    expect(masked.report.useCaseForm?.account).toBe('***')
    expect(masked.iamPolicy).toContain('arn:aws:bedrock:us-east-1:***:inference-profile/us.x')
  })
})
