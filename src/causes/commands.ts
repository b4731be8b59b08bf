/**
 * The commands and policy documents a fix gives to copy, as plain strings: a cause's entry builds its own from
 * these (src/causes/<gate>.ts, `commands`), and the report renders them (code blocks in the summary and the PR
 * comment, indented lines in the terminal). Placeholders are plain words (ROLE_NAME), never <ROLE_NAME>: GitHub's
 * sanitizer removes an unknown tag, and the command would lose its argument.
 */
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
export const MARKETPLACE_POLICY = {
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
export interface SavedPolicy {
  file: string
  name: string
}
const BEDROCK_POLICY: SavedPolicy = { file: POLICY_FILE, name: 'bedrock-access' }
export const MARKETPLACE_SAVED: SavedPolicy = {
  file: 'bedrock-marketplace.json',
  name: 'bedrock-marketplace'
}
export const BOOTSTRAP_SAVED: SavedPolicy = { file: 'bedrock-bootstrap.json', name: 'bedrock-bootstrap' }

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
export function attachSnippets(principal: Principal, saved: SavedPolicy = BEDROCK_POLICY): FixSnippet[] {
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

/** The trust-policy statement that admits the workflow's token, and how to add it to the role's trust policy. */
export function trustPolicySnippets(statement: object, roleName: string | undefined): FixSnippet[] {
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
