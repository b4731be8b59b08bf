/**
 * mask-account-id: every AWS account the run touched replaced by *** everywhere the report reaches (outputs, summary,
 * PR comment, annotations, the report file, the CLI): the caller's, the Organizations management account's (the
 * use-case form), a fleet's (merged reports), and any account an ARN in the report names (a role, an OIDC provider,
 * an inference profile, a denied resource).
 */
import type { ProbeOutcome, Report } from '../../types.js'

export function redact(text: string, account: string): string {
  return text.split(account).join('***')
}

/** The account field of an ARN: arn:PARTITION:SERVICE:REGION:ACCOUNT:… (IAM and STS ARNs have no region). */
const ARN_ACCOUNT = /\barn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):/g

/** Every account the report names (12-digit IDs; an account already masked as *** is not one). */
export function accountsIn(report: Report): string[] {
  const json = JSON.stringify(report)
  const accounts = new Set<string>()
  for (const account of [
    report.identity?.account,
    report.useCaseForm?.account,
    ...report.checks.map(check => check.account),
    ...report.changes.map(change => change.account)
  ])
    if (account && /^\d{12}$/.test(account)) accounts.add(account)
  for (const match of json.matchAll(ARN_ACCOUNT)) accounts.add(match[1]!)
  return [...accounts]
}

export function redactAccount(outcome: ProbeOutcome): ProbeOutcome {
  const accounts = accountsIn(outcome.report)
  if (accounts.length === 0) return outcome
  const all = (text: string) => accounts.reduce(redact, text)
  return {
    ...outcome,
    report: JSON.parse(all(JSON.stringify(outcome.report))) as Report,
    iamPolicy: all(outcome.iamPolicy)
  }
}
