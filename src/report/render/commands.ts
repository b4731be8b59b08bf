/**
 * The exact fix as something to copy, for one finding: what the gates found (the IAM policy of every affected ARN
 * of the group and the command that attaches it to the caller as the caller is; the trust-policy statement that
 * admits the token; the quotas to raise), then the cause's own commands (its entry's `commands`, in
 * src/causes/<gate>.ts). Rendered as code blocks by the summary and the PR comment, and indented by the terminal.
 */
import { combinedPolicy } from '../../bedrock/iam-policy.js'
import { attachSnippets, principalOf, trustPolicySnippets, type FixSnippet } from '../../causes/commands.js'
import { causeOf, isCause, type CommandContext } from '../../causes/index.js'
import type { GateHints, Report } from '../../types.js'
import type { Finding } from '../build/findings.js'

export function fixSnippets(
  finding: Finding,
  report: Pick<Report, 'identity' | 'useCaseForm'>
): FixSnippet[] {
  // Closed gates have code to copy; of the warnings, capacity's (a reduced or throttled quota to raise) does too.
  if (finding.status !== 'fail' && (finding.gate !== 'capacity' || finding.fault)) return []
  const principal = principalOf(report.identity?.arn)
  const snippets: FixSnippet[] = []
  if (finding.gate === 'iam-permission' && finding.statements.length > 0) {
    snippets.push(
      { label: 'Policy for these checks', lang: 'json', code: combinedPolicy(finding.statements) },
      ...attachSnippets(principal)
    )
  }
  const role = credentialsHints(finding)
  for (const statement of finding.trustPolicies)
    snippets.push(...trustPolicySnippets(statement, roleNameOf(role?.roleArn)))
  snippets.push(...quotaIncreaseSnippets(finding))
  const commands = finding.cause && isCause(finding.cause) ? causeOf(finding.cause).commands : undefined
  if (commands) snippets.push(...commands(commandContext(finding, report, principal, role)))
  return snippets
}

function commandContext(
  finding: Finding,
  report: Pick<Report, 'useCaseForm'>,
  principal: CommandContext['principal'],
  role: GateHints | undefined
): CommandContext {
  return {
    places: uniquePlaces(finding),
    principal,
    ...(role ? { role } : {}),
    seen: finding.seen.map(({ detail }) => detail),
    ...(report.useCaseForm
      ? {
          useCaseForm: {
            via: report.useCaseForm.via,
            ...(report.useCaseForm.account ? { account: report.useCaseForm.account } : {})
          }
        }
      : {})
  }
}

/** A capacity finding's quotas that Service Quotas can raise: the request for each, with the value to ask for. */
function quotaIncreaseSnippets(finding: Finding): FixSnippet[] {
  const raisable = finding.quotas.filter(quota => quota.adjustable !== false)
  if (finding.gate !== 'capacity' || raisable.length === 0) return []
  return [
    {
      label:
        'Ask for more (Service Quotas); for a Bedrock model, AWS Support may offer to raise its related quotas with it',
      lang: 'sh',
      code: raisable
        .map(
          quota =>
            `aws service-quotas request-service-quota-increase --service-code bedrock --quota-code ${quota.code} ` +
            `--desired-value ${quota.desired ?? quota.default ?? 'N'} --region ${quota.region}`
        )
        .join('\n')
    }
  ]
}

/** What the credentials gate of a refused role holds (its ARN, the provider, the audience, the session asked for). */
function credentialsHints(finding: Finding): GateHints | undefined {
  return finding.checks.map(check => check.gates.credentials.hints).find(hints => hints?.roleArn)
}

/** Each model (its base ID when known) and region of the finding, once. */
function uniquePlaces(finding: Finding): { model: string; region: string }[] {
  const seen = new Map<string, { model: string; region: string }>()
  for (const check of finding.checks) {
    const model = check.baseModelId ?? check.model
    seen.set(`${model}@${check.region}`, { model, region: check.region })
  }
  return [...seen.values()]
}

/** The role whose trust policy refused the token (role-to-assume), by name. */
function roleNameOf(roleArn: string | undefined): string | undefined {
  const principal = principalOf(roleArn)
  return principal.kind === 'role' ? principal.name : undefined
}
