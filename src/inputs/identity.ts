/** Whose identity is checked: role-to-assume and its OIDC session, the account it must be in, a named profile. */
import { dedupe, InputError, parseInteger, printable, splitList } from './values.js'

/** An IAM role ARN in any partition (aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc, …). */
const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/

export interface IdentityInputs {
  roleToAssume?: string
  /**
   * management-role-to-assume: a role in the AWS Organizations management account, assumed with GitHub OIDC for the
   * Anthropic use-case form only (read it, and with create-agreement submit it there).
   */
  managementRoleToAssume?: string
  audience: string
  roleSessionName: string
  roleDurationSeconds: number
  /** The credentials gate fails when the identity's account is not one of these (allowed-account-ids). */
  allowedAccountIds?: string[]
  /** CLI only (--profile): the named AWS profile for the default credential chain. */
  profile?: string
}

/** A role ARN input, or undefined when empty. */
function roleArn(name: string, text: string, fix: string): string | undefined {
  if (text === '') return undefined
  if (!ROLE_ARN.test(text)) throw new InputError(name, `is "${printable(text)}", not an IAM role ARN`, fix)
  return text
}

export function readIdentity(get: (name: string) => string): IdentityInputs {
  const roleToAssume = roleArn(
    'role-to-assume',
    get('role-to-assume'),
    'Use arn:aws:iam::123456789012:role/NAME (the role GitHub OIDC may assume).'
  )
  const managementRoleToAssume = roleArn(
    'management-role-to-assume',
    get('management-role-to-assume'),
    'Use the ARN of a role in the management account that GitHub OIDC may assume, e.g. arn:aws:iam::999999999999:role/bedrock-use-case-form.'
  )
  if (managementRoleToAssume !== undefined && managementRoleToAssume === roleToAssume) {
    throw new InputError(
      'management-role-to-assume',
      'is the same role as role-to-assume',
      'Name the role of the management account here, and the member account role in role-to-assume; leave this empty when there is one account.'
    )
  }
  const roleSessionName = get('role-session-name')
  if (!SESSION_NAME.test(roleSessionName)) {
    throw new InputError(
      'role-session-name',
      `is "${printable(roleSessionName)}"`,
      'Use 2 to 64 characters of letters, digits and +=,.@_-.'
    )
  }
  const audience = get('audience')
  if (audience.length > 256 || /\s/.test(audience)) {
    throw new InputError(
      'audience',
      'is not a valid OIDC audience',
      'Leave it at sts.amazonaws.com unless your identity provider uses another.'
    )
  }
  const accountText = get('allowed-account-ids')
  const allowedAccountIds = accountText === '' ? undefined : dedupe(splitList(accountText))
  for (const account of allowedAccountIds ?? []) {
    if (!/^\d{12}$/.test(account)) {
      throw new InputError(
        'allowed-account-ids',
        `entry "${printable(account)}" is not a 12-digit AWS account ID`,
        'List the account IDs the credentials may belong to, e.g. "111122223333, 444455556666".'
      )
    }
  }
  const profile = get('profile') || undefined
  return {
    ...(roleToAssume ? { roleToAssume } : {}),
    ...(managementRoleToAssume ? { managementRoleToAssume } : {}),
    audience,
    roleSessionName,
    roleDurationSeconds: parseInteger('role-duration-seconds', get('role-duration-seconds'), 900, 43200),
    ...(allowedAccountIds ? { allowedAccountIds } : {}),
    ...(profile ? { profile } : {})
  }
}
