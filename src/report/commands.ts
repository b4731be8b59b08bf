/**
 * The exact fix as something to copy: the policy that opens a closed IAM gate (every affected ARN of the group)
 * and the command that attaches it to the caller as the caller is (an IAM role, an IAM user, or an IAM Identity
 * Center permission set), the trust-policy statement and the commands that apply it, and the AWS CLI commands
 * that do what the probe would do with create-agreement. Rendered as code blocks by the summary and the PR
 * comment, and indented by the terminal. Placeholders are plain words (ROLE_NAME), never <ROLE_NAME>: GitHub's
 * sanitizer removes an unknown tag, and the command would lose its argument.
 */
import { combinedPolicy } from '../bedrock/iam-policy.js'
import type { GateHints, Report, TrustPolicyStatement } from '../types.js'
import type { Finding } from './findings.js'

export interface FixSnippet {
  label: string
  lang: 'json' | 'sh'
  code: string
}

/** Who the caller is, as far as attaching a policy goes. */
export type Principal =
  | { kind: 'role'; name: string }
  | { kind: 'user'; name: string }
  /** A role IAM Identity Center made for a permission set: its policies are changed in the permission set. */
  | { kind: 'identity-center'; permissionSet: string; roleName: string }
  | { kind: 'unknown' }

/** What a first call (or create-agreement) needs to subscribe the account to a Marketplace model (model-access.html). */
const MARKETPLACE_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'BedrockMarketplaceSubscribe',
      Effect: 'Allow',
      Action: ['aws-marketplace:Subscribe', 'aws-marketplace:ViewSubscriptions'],
      Resource: '*'
    }
  ]
}

/**
 * What create-agreement: true needs for its one run: the form, the offers, the agreement and the Marketplace
 * subscription (docs/iam-policies.md, "Bootstrap", which a test holds to this document).
 */
export const BOOTSTRAP_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'BedrockAccessBootstrapOnce',
      Effect: 'Allow',
      Action: [
        'bedrock:GetUseCaseForModelAccess',
        'bedrock:PutUseCaseForModelAccess',
        'bedrock:ListFoundationModelAgreementOffers',
        'bedrock:CreateFoundationModelAgreement',
        'aws-marketplace:Subscribe',
        'aws-marketplace:ViewSubscriptions'
      ],
      Resource: '*'
    }
  ]
}

/** The file the policy snippets are saved as, named in every command that reads it. */
export const POLICY_FILE = 'bedrock-access.json'

/** A policy to save and attach: its file and its inline-policy name. */
interface SavedPolicy {
  file: string
  name: string
}
const BEDROCK_POLICY: SavedPolicy = { file: POLICY_FILE, name: 'bedrock-access' }
const MARKETPLACE_SAVED: SavedPolicy = { file: 'bedrock-marketplace.json', name: 'bedrock-marketplace' }
const BOOTSTRAP_SAVED: SavedPolicy = { file: 'bedrock-bootstrap.json', name: 'bedrock-bootstrap' }

/**
 * The principal an ARN names: `sts::…:assumed-role/NAME/SESSION` and `iam::…:role/PATH/NAME` are the role NAME,
 * `iam::…:user/PATH/NAME` the user NAME. IAM Identity Center names its roles AWSReservedSSO_<permission set>_<16 hex>
 * (under the path aws-reserved/sso.amazonaws.com/) and does not let them be edited in IAM.
 */
export function principalOf(arn: string | undefined): Principal {
  const assumed = /^arn:[\w-]+:sts::\d{12}:assumed-role\/([^/]+)\//.exec(arn ?? '')
  const role = /^arn:[\w-]+:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(arn ?? '')
  const roleName = assumed?.[1] ?? role?.[1]
  if (roleName) {
    const sso = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/.exec(roleName)
    return sso
      ? { kind: 'identity-center', permissionSet: sso[1]!, roleName }
      : { kind: 'role', name: roleName }
  }
  const user = /^arn:[\w-]+:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(arn ?? '')
  return user ? { kind: 'user', name: user[1]! } : { kind: 'unknown' }
}

/**
 * How to attach the saved policy to the caller, under its own file and inline-policy name: a second policy of the
 * same name would replace the first (put-role-policy and put-user-policy overwrite a policy of that name).
 */
function attachSnippets(principal: Principal, saved: SavedPolicy = BEDROCK_POLICY): FixSnippet[] {
  const file = `file://${saved.file}`
  switch (principal.kind) {
    case 'role':
      return [
        {
          label: `Save the policy above as ${saved.file}, then add it to the role ${principal.name}`,
          lang: 'sh',
          code: `aws iam put-role-policy --role-name ${principal.name} --policy-name ${saved.name} --policy-document ${file}`
        }
      ]
    case 'user':
      return [
        {
          label: `Save the policy above as ${saved.file}, then add it to the IAM user ${principal.name}`,
          lang: 'sh',
          code: `aws iam put-user-policy --user-name ${principal.name} --policy-name ${saved.name} --policy-document ${file}`
        }
      ]
    case 'identity-center':
      return [
        {
          label:
            `The caller is the IAM Identity Center role of the permission set ${principal.permissionSet}, which IAM does not ` +
            "let you edit: add the statements to that permission set's inline policy. A permission set has one inline " +
            'policy and the second command replaces it, so merge the current one (the first command) into ' +
            `${saved.file} first; the third applies it to every account the permission set is assigned to. ` +
            '`aws sso-admin list-instances` and `aws sso-admin list-permission-sets` give the two ARNs',
          lang: 'sh',
          code: [
            'aws sso-admin get-inline-policy-for-permission-set --instance-arn INSTANCE_ARN --permission-set-arn PERMISSION_SET_ARN',
            `aws sso-admin put-inline-policy-to-permission-set --instance-arn INSTANCE_ARN --permission-set-arn PERMISSION_SET_ARN --inline-policy ${file}`,
            'aws sso-admin provision-permission-set --instance-arn INSTANCE_ARN --permission-set-arn PERMISSION_SET_ARN --target-type ALL_PROVISIONED_ACCOUNTS'
          ].join('\n')
        }
      ]
    case 'unknown':
      return [
        {
          label: `Save the policy above as ${saved.file}, then add it to the role the job uses (put its name for ROLE_NAME)`,
          lang: 'sh',
          code: `aws iam put-role-policy --role-name ROLE_NAME --policy-name ${saved.name} --policy-document ${file}`
        }
      ]
  }
}

export function fixSnippets(
  finding: Finding,
  report: Pick<Report, 'identity' | 'useCaseForm'>
): FixSnippet[] {
  const snippets: FixSnippet[] = []
  // Closed gates have code to copy; of the warnings, capacity's (a reduced or throttled quota to raise) does too.
  if (finding.status !== 'fail' && (finding.gate !== 'capacity' || finding.fault)) return snippets

  if (finding.gate === 'iam-permission' && finding.statements.length > 0) {
    snippets.push(
      { label: 'Policy for these checks', lang: 'json', code: combinedPolicy(finding.statements) },
      ...attachSnippets(principalOf(report.identity?.arn))
    )
  }
  if (finding.cause === 'marketplace-permissions') {
    // The Bedrock model-access guide's subscribe policy: needed once per account, for the first call (or
    // create-agreement) that subscribes; its ProductId condition needs the model's product ID, which only AWS's
    // table gives, so the label says where to restrict it rather than guessing.
    snippets.push(
      {
        label:
          'Policy for the one-time subscription (restrict Subscribe with the aws-marketplace:ProductId condition key; ' +
          'the Bedrock model-access guide lists each model’s product ID)',
        lang: 'json',
        code: JSON.stringify(MARKETPLACE_POLICY, null, 2)
      },
      ...attachSnippets(principalOf(report.identity?.arn), MARKETPLACE_SAVED)
    )
  }
  // create-agreement refused for its own permissions: the statement it needs, once, never a loop back to itself.
  if (
    finding.cause === 'agreement-create-failed' &&
    finding.seen.some(({ detail }) => /not authorized to perform|AccessDenied/i.test(detail))
  ) {
    snippets.push(
      {
        label: 'Policy for the one-time bootstrap (create-agreement: true); remove it after the first run',
        lang: 'json',
        code: JSON.stringify(BOOTSTRAP_POLICY, null, 2)
      },
      ...attachSnippets(principalOf(report.identity?.arn), BOOTSTRAP_SAVED)
    )
  }
  for (const statement of finding.trustPolicies)
    snippets.push(...trustPolicySnippets(statement, trustedRoleName(finding)))
  snippets.push(...identityProviderSnippets(finding))
  const raisable = finding.quotas.filter(quota => quota.adjustable !== false)
  if (finding.gate === 'capacity' && raisable.length > 0) {
    snippets.push({
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
    })
  }
  const places = uniquePlaces(finding)
  if (finding.cause === 'agreement-missing' || finding.cause === 'agreement-not-created') {
    snippets.push({
      label: 'Or create the agreement with the AWS CLI, in each place',
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
    const form = report.useCaseForm
    const where =
      form?.via === 'management-role'
        ? ` in the management account${form.account ? ` ${form.account}` : ''}, with its credentials (member accounts inherit it)`
        : ''
    snippets.push({
      label:
        `Submit Anthropic's use-case form${where} (use-case.json holds the same JSON as the use-case-form input), or run with ` +
        'create-agreement: true',
      lang: 'sh',
      code: regions
        .map(
          region =>
            // The CLI takes the form as base64 of its JSON (Bedrock user guide, "Manage model access using SDK and CLI").
            `aws bedrock put-use-case-for-model-access --form-data "$(base64 < use-case.json | tr -d '\\n')" --region ${region}`
        )
        .join('\n')
    })
  }
  return snippets
}

/** What the credentials gate of a refused role holds (its ARN, the provider, the audience, the session asked for). */
function credentialsHints(finding: Finding): GateHints | undefined {
  return finding.checks.map(check => check.gates.credentials.hints).find(hints => hints?.roleArn)
}

/** STS refused the token or the session for the provider's or the role's settings: the command that changes them. */
function identityProviderSnippets(finding: Finding): FixSnippet[] {
  const hints = credentialsHints(finding)
  const provider =
    hints?.oidcProvider ?? 'arn:aws:iam::ACCOUNT_ID:oidc-provider/token.actions.githubusercontent.com'
  switch (finding.cause) {
    case 'oidc-audience-mismatch':
      return [
        {
          label: "Add the token's audience to the identity provider's client IDs",
          lang: 'sh',
          code:
            `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${provider} ` +
            `--client-id ${hints?.audience ?? 'sts.amazonaws.com'}`
        }
      ]
    case 'oidc-thumbprint-mismatch':
      return [
        {
          label:
            "Replace the provider's thumbprint with its certificate's current one (put it for THUMBPRINT)",
          lang: 'sh',
          code: `aws iam update-open-id-connect-provider-thumbprint --open-id-connect-provider-arn ${provider} --thumbprint-list THUMBPRINT`
        }
      ]
    case 'role-duration-too-long': {
      const role = principalOf(hints?.roleArn)
      return [
        {
          label: 'Or let the role keep sessions as long as role-duration-seconds asks',
          lang: 'sh',
          code:
            `aws iam update-role --role-name ${role.kind === 'role' ? role.name : 'ROLE_NAME'} ` +
            `--max-session-duration ${hints?.durationSeconds ?? 'SECONDS'}`
        }
      ]
    }
    default:
      return []
  }
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

/** The role whose trust policy refused the token (role-to-assume), from the credentials gate's hints. */
/** The trust-policy statement that admits the workflow's token, and how to add it to the role's trust policy. */
export function trustPolicySnippets(
  statement: TrustPolicyStatement,
  roleName: string | undefined
): FixSnippet[] {
  const role = roleName ?? 'ROLE_NAME'
  return [
    {
      label: 'Trust-policy statement that admits this token',
      lang: 'json',
      code: JSON.stringify(statement, null, 2)
    },
    {
      label:
        `Add it to the Statement list of the role ${role}'s trust policy: the first command prints the current one; ` +
        'save the merged document as trust-policy.json for the second',
      lang: 'sh',
      code: [
        `aws iam get-role --role-name ${role} --query Role.AssumeRolePolicyDocument`,
        `aws iam update-assume-role-policy --role-name ${role} --policy-document file://trust-policy.json`
      ].join('\n')
    }
  ]
}

function trustedRoleName(finding: Finding): string | undefined {
  const principal = principalOf(credentialsHints(finding)?.roleArn)
  return principal.kind === 'role' ? principal.name : undefined
}
