/**
 * The exact fix as something to copy: the policy that opens a closed IAM gate (every affected ARN of the group),
 * the trust-policy statement, and the AWS CLI commands that apply them or do what the probe would do with
 * create-agreement. Rendered as code blocks by the summary and the PR comment.
 */
import { combinedPolicy } from '../diagnosis/iam-policy.js'
import type { Report } from '../types.js'
import type { Finding } from './findings.js'

export interface FixSnippet {
  label: string
  lang: 'json' | 'sh'
  code: string
}

export function fixSnippets(finding: Finding, report: Pick<Report, 'identity'>): FixSnippet[] {
  const role = roleNameOf(report.identity?.arn)
  const snippets: FixSnippet[] = []
  if (finding.status !== 'fail') return snippets

  if (finding.gate === 'iam-permission' && finding.statements.length > 0) {
    snippets.push(
      { label: 'Policy for these checks', lang: 'json', code: combinedPolicy(finding.statements) },
      {
        label: 'Attach it (saved as bedrock-access.json)',
        lang: 'sh',
        code: `aws iam put-role-policy --role-name ${role} --policy-name bedrock-access --policy-document file://bedrock-access.json`
      }
    )
  }
  const trusted = trustedRole(finding)
  for (const statement of finding.trustPolicies) {
    snippets.push(
      {
        label: 'Trust-policy statement that admits this token',
        lang: 'json',
        code: JSON.stringify(statement, null, 2)
      },
      {
        label: "Add it to the role's trust policy (this prints the current one)",
        lang: 'sh',
        code: `aws iam get-role --role-name ${trusted ? roleNameOf(trusted) : role} --query Role.AssumeRolePolicyDocument`
      }
    )
  }
  const places = uniquePlaces(finding)
  if (finding.cause === 'agreement-missing') {
    snippets.push({
      label:
        'Create the agreement (accepts the provider EULA for the account), or run with create-agreement: true',
      lang: 'sh',
      code: places
        .map(
          ({ model, region }) =>
            `token=$(aws bedrock list-foundation-model-agreement-offers --model-id ${model} --region ${region} ` +
            `--query 'offers[0].offerToken' --output text)\n` +
            `aws bedrock create-foundation-model-agreement --model-id ${model} --offer-token "$token" --region ${region}`
        )
        .join('\n')
    })
  }
  if (finding.cause === 'use-case-missing') {
    const regions = [...new Set(places.map(place => place.region))]
    snippets.push({
      label:
        "Submit Anthropic's use-case form (JSON as for the use-case-form input), or run with create-agreement: true",
      lang: 'sh',
      code: regions
        .map(
          region =>
            `aws bedrock put-use-case-for-model-access --form-data fileb://use-case.json --region ${region}`
        )
        .join('\n')
    })
  }
  return snippets
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

/** The role name of an assumed-role ARN (…:assumed-role/NAME/SESSION) or a role ARN (…:role/PATH/NAME). */
function roleNameOf(arn: string | undefined): string {
  const match = /:assumed-role\/([^/]+)\/|:role\/(?:.*\/)?([^/]+)$/.exec(arn ?? '')
  return match?.[1] ?? match?.[2] ?? '<ROLE_NAME>'
}

/** The role whose trust policy refused the token (role-to-assume), from the credentials gate's hints. */
function trustedRole(finding: Finding): string | undefined {
  return finding.checks.map(check => check.gates.credentials.hints?.roleArn).find(Boolean)
}
