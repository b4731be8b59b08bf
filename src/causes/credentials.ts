/**
 * Every cause of the credentials gate: who calls (ambient credentials, GitHub OIDC, a Bedrock API key) and whether
 * AWS accepts them. Each entry holds the cause's words, the AWS messages that recognise it (`messages`: the
 * catalogue's rows, src/diagnosis/catalogue.ts) and its fix; changing a cause is changing its entry. Which cause
 * applies is decided by the gate's rules (src/gates/credentials.ts).
 */
import { principalOf } from './commands.js'
import type { CauseSpec } from './types.js'

export const CREDENTIALS_CAUSES = {
  'oidc-no-token-permission': {
    gate: 'credentials',
    kind: 'closed',
    title: 'no id-token permission',
    fix: () =>
      'Add `permissions: { id-token: write, contents: read }` to the workflow or job. Pull requests from forks never ' +
      "receive an OIDC token: skip the probe for them, and probe on push (never give a fork's code AWS credentials " +
      'through pull_request_target).',
    sources: [
      'docs.github.com: "Configuring OpenID Connect in Amazon Web Services" (permissions: id-token: write)'
    ]
  },
  'oidc-trust-policy': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the role does not trust this token',
    fix: () =>
      "Almost always the trust policy's conditions: token.actions.githubusercontent.com:aud must equal the audience input, " +
      'and token.actions.githubusercontent.com:sub must match the claim shown (case-sensitive owner/repo, and the ref or environment).',
    messages: [
      {
        exceptions: ['AccessDenied', 'AccessDeniedException'],
        pattern: /Not authorized to perform sts:AssumeRoleWithWebIdentity/i,
        status: 'fail',
        reading: "The role's trust policy refused this workflow's OIDC token"
      }
    ]
  },
  'oidc-invalid-token': {
    gate: 'credentials',
    kind: 'closed',
    title: 'no OIDC identity provider for this token',
    fix: ctx =>
      `Create the IAM OIDC identity provider for ${ctx.issuer ?? 'https://token.actions.githubusercontent.com'} in the ` +
      "role's account, with the audience input (default sts.amazonaws.com) as a client ID.",
    messages: [
      {
        exceptions: ['InvalidIdentityToken', 'InvalidIdentityTokenException'],
        pattern: /No OpenIDConnect provider found/i,
        status: 'fail',
        reading: 'STS knows no identity provider for the OIDC token',
        sources: ['docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html']
      }
    ]
  },
  'oidc-token-rejected': {
    gate: 'credentials',
    kind: 'closed',
    title: 'STS rejected the OIDC token',
    fix: ctx =>
      `STS rejected the token for the reason it gives above. Check the IAM OIDC identity provider ` +
      `${ctx.oidcProvider ?? 'for token.actions.githubusercontent.com'} (its issuer URL and client IDs), then re-run: ` +
      'the probe asks GitHub for a new token on every run.',
    messages: [
      {
        exceptions: ['InvalidIdentityToken', 'InvalidIdentityTokenException'],
        pattern: /./,
        status: 'fail',
        reading: 'STS rejected the OIDC token'
      }
    ]
  },
  'oidc-audience-mismatch': {
    gate: 'credentials',
    kind: 'closed',
    title: "the token's audience is not a client ID of the identity provider",
    commands: ctx => [
      {
        label: "Add the token's audience to the identity provider's client IDs",
        lang: 'sh',
        code:
          `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${ctx.role?.oidcProvider ?? 'arn:aws:iam::ACCOUNT_ID:oidc-provider/token.actions.githubusercontent.com'} ` +
          `--client-id ${ctx.role?.audience ?? 'sts.amazonaws.com'}`
      }
    ],
    fix: ctx =>
      `The token's audience, ${ctx.audience ?? 'sts.amazonaws.com'}, is not a client ID of the IAM OIDC identity provider ` +
      `${ctx.oidcProvider ?? 'for token.actions.githubusercontent.com'}: add it to the provider's client IDs ` +
      '(aws iam add-client-id-to-open-id-connect-provider), or set the audience input to a client ID the provider lists' +
      (ctx.oidcProvider?.startsWith('arn:aws-cn:') ? ' (in the China regions, sts.amazonaws.com.cn).' : '.'),
    sources: [
      'github.com/aws-actions/configure-aws-credentials/issues/775',
      'github.com/aws-actions/configure-aws-credentials/issues/457 (China: sts.amazonaws.com.cn)'
    ],
    messages: [
      {
        exceptions: ['InvalidIdentityToken', 'InvalidIdentityTokenException'],
        pattern: /Incorrect token audience/i,
        status: 'fail',
        reading: "STS rejected the OIDC token's audience",
        sources: [
          'github.com/aws-actions/configure-aws-credentials/issues/775',
          'github.com/aws-actions/configure-aws-credentials/issues/1309'
        ]
      }
    ]
  },
  'oidc-thumbprint-mismatch': {
    gate: 'credentials',
    kind: 'closed',
    title: "the identity provider's thumbprint no longer matches its certificate",
    commands: ctx => [
      {
        label: "Replace the provider's thumbprint with its certificate's current one (put it for THUMBPRINT)",
        lang: 'sh',
        code: `aws iam update-open-id-connect-provider-thumbprint --open-id-connect-provider-arn ${ctx.role?.oidcProvider ?? 'arn:aws:iam::ACCOUNT_ID:oidc-provider/token.actions.githubusercontent.com'} --thumbprint-list THUMBPRINT`
      }
    ],
    fix: ctx =>
      `The IAM OIDC identity provider ${ctx.oidcProvider ?? 'for this issuer'} keeps a thumbprint that the issuer's ` +
      'certificate no longer matches (certificates rotate): replace it with the current one ' +
      '(aws iam update-open-id-connect-provider-thumbprint; the IAM user guide, "Obtain the thumbprint for an OpenID ' +
      'Connect identity provider", says how to compute it).',
    sources: [
      'docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc_verify-thumbprint.html',
      'github.blog/changelog/2023-06-27-github-actions-update-on-oidc-integration-with-aws'
    ],
    messages: [
      {
        exceptions: ['InvalidIdentityToken', 'InvalidIdentityTokenException'],
        pattern: /HTTPS certificate doesn.t match configured thumbprint/i,
        status: 'fail',
        reading: "STS does not trust the identity provider's certificate",
        sources: [
          'docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc_verify-thumbprint.html'
        ]
      }
    ]
  },
  'role-duration-too-long': {
    gate: 'credentials',
    kind: 'closed',
    title: "role-duration-seconds is longer than the role's maximum session",
    commands: ctx => {
      const role = principalOf(ctx.role?.roleArn)
      return [
        {
          label: 'Or let the role keep sessions as long as role-duration-seconds asks',
          lang: 'sh',
          code:
            `aws iam update-role --role-name ${role.kind === 'role' ? role.name : 'ROLE_NAME'} ` +
            `--max-session-duration ${ctx.role?.durationSeconds ?? 'SECONDS'}`
        }
      ]
    },
    fix: ctx =>
      `Lower role-duration-seconds to at most the maximum session duration of ${ctx.roleArn ?? 'the role'} (1 hour ` +
      "unless raised), or raise the role's maximum (aws iam update-role --max-session-duration, up to 43200 seconds).",
    sources: [
      'docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html (DurationSeconds)',
      'github.com/kreuzwerker/awsu/issues/27 ("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")'
    ],
    messages: [
      {
        exceptions: ['ValidationError', 'ValidationException'],
        pattern: /DurationSeconds exceeds the (MaxSessionDuration|1 hour session limit)/i,
        status: 'fail',
        reading: 'STS refused the session length asked for',
        sources: ['github.com/kreuzwerker/awsu/issues/27', 'github.com/ruimarinho/gsts/issues/13']
      }
    ]
  },
  'sts-region-disabled': {
    gate: 'credentials',
    kind: 'closed',
    title: 'STS is not active in this region for the account',
    fix: ctx =>
      `Activate STS in ${ctx.region || 'this region'} for the account (IAM console → Account settings → Security Token ` +
      'Service (STS) → Endpoints), or probe from a region where it is active: the probe calls STS in the first region ' +
      'of the regions input.',
    sources: [
      'docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html',
      'github.com/org-formation/org-formation-cli/issues/465',
      'github.com/turbot/steampipe-plugin-aws/issues/1510'
    ],
    messages: [
      {
        exceptions: ['RegionDisabledException', 'RegionDisabled'],
        pattern: /./,
        status: 'fail',
        reading: 'STS is not activated in this region for the account',
        sources: [
          'github.com/org-formation/org-formation-cli/issues/465',
          'github.com/aws/aws-cdk/issues/11474'
        ]
      }
    ]
  },
  'oidc-token-unavailable': {
    gate: 'credentials',
    kind: 'fault',
    title: 'no GitHub OIDC token',
    cell: 'no token',
    headline: 'Could not get a GitHub OIDC token',
    fix: () =>
      "A fault at GitHub's token service, not a closed gate: re-run the job. If it persists, check `permissions: id-token: write`."
  },
  'idp-unreachable': {
    gate: 'credentials',
    kind: 'fault',
    title: "STS could not reach GitHub's keys",
    cell: 'OIDC keys',
    headline: 'AWS STS could not verify the GitHub OIDC token',
    fix: () =>
      "A transient fault between AWS STS and GitHub's OIDC keys, not a closed gate and not a missing identity provider: re-run the job."
  },
  'fork-pull-request': {
    gate: 'credentials',
    kind: 'fault',
    title: 'a fork pull request (no OIDC token)',
    cell: 'fork PR',
    headline: 'This pull request comes from a fork, and GitHub gives forks no OIDC token',
    fix: () =>
      'Nothing to fix in AWS. Skip the probe for forks (`if: github.event.pull_request.head.repo.full_name == github.repository`) ' +
      "and probe on push, after the pull request is merged. Do not use pull_request_target to get a token: it would run the fork's " +
      'code with AWS credentials (GitHub Security Lab, "preventing pwn requests").'
  },
  'credentials-expired': {
    gate: 'credentials',
    kind: 'closed',
    title: 'expired credentials',
    fix: () =>
      'Refresh the credentials before this step. For a bootstrap run that waits, make role-duration-seconds ' +
      '(or the session length of configure-aws-credentials) longer than wait-timeout-seconds.',
    messages: [
      {
        exceptions: ['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired'],
        pattern: /./,
        status: 'fail',
        reading: 'The credentials have expired'
      }
    ]
  },
  'credentials-outlived': {
    // GitHub OIDC sessions last role-duration-seconds, capped by the role's MaxSessionDuration; a role reached by
    // chaining is capped at one hour; a short-term Bedrock API key lives at most 12 hours and never past the
    // session that signed it (IAM user guide, id_roles_use; Bedrock user guide, api-keys). The job would meet
    // ExpiredToken halfway, after a green check.
    gate: 'credentials',
    kind: 'closed',
    workingNow: true,
    title: 'the credentials end before the job does',
    fix: ctx => {
      const lifetime = ctx.lifetime
      const seconds = Math.min(43200, Math.max(900, (lifetime?.jobMinutes ?? 60) * 60))
      const role = ctx.roleArn?.split('/').pop() ?? 'ROLE_NAME'
      switch (lifetime?.source) {
        case 'api-key':
          return (
            'A short-term Bedrock API key lives at most 12 hours, and never past the session that signed it: make the ' +
            'key in the job, right before the work that uses it (aws-bedrock-token-generator), from a session that ' +
            'lasts the job, or sign with IAM credentials (role-to-assume) instead.'
          )
        case 'environment':
          return (
            'The credentials in the environment end at the time AWS_CREDENTIAL_EXPIRATION gives: the step that ' +
            `exported them must ask for a longer session, at least ${seconds} s (configure-aws-credentials: ` +
            `role-duration-seconds: ${seconds}), up to the role's MaxSessionDuration. A role reached by chaining ` +
            "(from another role's session) is capped at 1 hour whatever is asked."
          )
        default:
          return (
            `Ask for a session that lasts the job: role-duration-seconds: ${seconds} here, and the same in ` +
            'configure-aws-credentials if it assumes the role for the job. The role must allow it: ' +
            `\`aws iam update-role --role-name ${role} --max-session-duration ${seconds}\` (at most 43200, 12 hours). ` +
            'A role reached by chaining is capped at 1 hour whatever is asked.'
          )
      }
    },
    sources: [
      'docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html (role chaining: at most 1 hour)',
      'docs.aws.amazon.com/IAM/latest/UserGuide/roles-managingrole-editing-cli.html (update-role --max-session-duration)',
      'docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html'
    ]
  },
  'credentials-invalid': {
    gate: 'credentials',
    kind: 'closed',
    title: 'invalid credentials',
    fix: () =>
      'The access key is unknown, deactivated, or paired with the wrong secret or session token. Check the secrets the job ' +
      'exports, or use role-to-assume with GitHub OIDC instead of long-lived keys.',
    messages: [
      {
        exceptions: ['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidAccessKeyId'],
        pattern: /./,
        status: 'fail',
        reading: 'AWS does not recognise these credentials'
      }
    ]
  },
  'credentials-missing': {
    gate: 'credentials',
    kind: 'closed',
    title: 'no credentials',
    fix: () =>
      'Set role-to-assume (with `permissions: id-token: write`), or run aws-actions/configure-aws-credentials before this ' +
      'step. Self-hosted and RunsOn runners use their instance role: check that the instance has one.',
    messages: [
      {
        exceptions: ['CredentialsProviderError', 'ProviderError'],
        pattern: /./,
        status: 'fail',
        reading: 'No AWS credentials were found'
      }
    ]
  },
  'credentials-bad-signature': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the request signature was refused',
    fix: () =>
      'Not an IAM problem: AWS computed a different signature. Either the secret access key does not match the access ' +
      'key ID (or the session token belongs to other keys: export all three together), or something between the ' +
      'runner and AWS changed the request after it was signed (a proxy or gateway rewriting the host, the path or ' +
      'headers): let the proxy tunnel HTTPS (CONNECT) instead of re-sending the request.',
    sources: ['docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html'],
    messages: [
      {
        exceptions: ['SignatureDoesNotMatch', 'AccessDeniedException', 'UnrecognizedClientException'],
        pattern: /request signature we calculated does not match the signature you provided/i,
        status: 'fail',
        reading: 'AWS computed a different signature for this request',
        sources: [
          'github.com/BerriAI/litellm/issues/14763 (a proxy in front of Bedrock: the signature no longer matched)'
        ]
      },
      {
        exceptions: [
          'InvalidSignatureException',
          'SignatureDoesNotMatch',
          'IncompleteSignatureException',
          'IncompleteSignature'
        ],
        pattern: /./,
        status: 'fail',
        reading: 'AWS rejected the request signature'
      }
    ]
  },
  'request-unsigned': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the request reached AWS unsigned',
    fix: () =>
      'Not an IAM problem: AWS received the request without a complete SigV4 Authorization header, so it never knew ' +
      'who was calling. Check that credentials reach this step (role-to-assume, or configure-aws-credentials before ' +
      'it; in a container, pass the AWS_* variables in). Behind a proxy or gateway, make it pass the Authorization and ' +
      'X-Amz-* headers unchanged, or let it tunnel HTTPS (CONNECT).',
    messages: [
      {
        // What signs the request: nothing (no Authorization header reached AWS), a header that is not a SigV4 one, a
        // clock out of step, or a signature AWS computes differently (the wrong secret, or a request changed on the way).
        // Bedrock answers some of these as AccessDeniedException, which must not read as a policy: no policy fixes them.
        exceptions: [
          'AccessDeniedException',
          'MissingAuthenticationToken',
          'MissingAuthenticationTokenException'
        ],
        pattern:
          /Authorization header is missing|Missing Authentication Token|Request is missing Authentication Token/i,
        status: 'fail',
        reading: 'The request reached AWS without a signature',
        sources: ['github.com/karthink/gptel/issues/1397 ({"Message":"Authorization header is missing"})'],
        note: 'Credentials, not IAM: AWS refused before it knew who was calling, so no identity policy was evaluated.'
      },
      {
        exceptions: ['IncompleteSignatureException', 'IncompleteSignature', 'AccessDeniedException'],
        pattern: /Authorization header requires '(Credential|Signature|SignedHeaders)' parameter/i,
        status: 'fail',
        reading:
          'The request reached AWS with an Authorization header that is not a complete SigV4 signature',
        sources: [
          'github.com/westonbrown/Cyber-AutoAgent/issues/29 (IncompleteSignatureException on ConverseStream, only inside a container)'
        ]
      }
    ]
  },
  'clock-skewed': {
    gate: 'credentials',
    kind: 'closed',
    title: "the runner's clock is off",
    fix: () =>
      "Not an IAM problem: the runner's clock is more than 5 minutes from AWS's, so every signature is out of date. " +
      'Sync it (self-hosted: `timedatectl set-ntp true`, or chrony/ntpd; in a container, the host clock), then re-run.',
    sources: ['docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html'],
    messages: [
      {
        exceptions: ['InvalidSignatureException', 'SignatureDoesNotMatch', 'AccessDeniedException'],
        pattern: /Signature (expired|not yet current)/i,
        status: 'fail',
        reading: "The request's signing time is too far from AWS's clock",
        sources: [
          'github.com/aws/aws-sdk-js/issues/254 ("Signature expired: … is now earlier than …")',
          'github.com/aws/aws-sdk-js/issues/2565 ("Signature not yet current: … is still later than …")'
        ]
      },
      {
        exceptions: ['RequestExpired'],
        pattern: /./,
        status: 'fail',
        reading: 'The request arrived too long after the time it was signed at',
        sources: ['docs.aws.amazon.com/signer/latest/api/CommonErrors.html (RequestExpired)']
      }
    ]
  },
  'sts-refused': {
    gate: 'credentials',
    kind: 'closed',
    title: 'AWS STS refused the credentials',
    fix: () => 'Check the credentials this job uses.'
  },
  'wrong-account': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the wrong account',
    fix: ({ allowedAccountIds = [], account = 'this account' }) =>
      `Use credentials of ${allowedAccountIds.length > 1 ? 'one of the allowed accounts' : `account ${allowedAccountIds[0]}`} ` +
      "(check role-to-assume, the runner's role or AWS_PROFILE), or add " +
      `${account} to allowed-account-ids if it is meant to be used.`
  },
  'account-unverifiable': {
    gate: 'credentials',
    kind: 'unproven',
    title: 'the account could not be checked',
    cell: 'account',
    fix: () =>
      'Use role-to-assume (its account is checked), a long-term key (its account is in the key), or drop allowed-account-ids.'
  },
  'bearer-key-invalid': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the API key is refused',
    fix: () =>
      'The Bedrock API key is invalid or has expired (short-term keys end with the session that made them): create a ' +
      'new key and update the secret, or unset AWS_BEARER_TOKEN_BEDROCK to sign with IAM credentials instead.',
    messages: [
      {
        exceptions: ['*'],
        pattern: /Authentication failed: Please make sure your API Key is valid/i,
        status: 'fail',
        reading: 'Bedrock rejected the API key (AWS_BEARER_TOKEN_BEDROCK)',
        sources: [
          'github.com/anomalyco/opencode/issues/47073',
          'github.com/ai4s-research/open-science/issues/53'
        ]
      },
      {
        exceptions: ['AccessDeniedException', 'ValidationException', 'UnrecognizedClientException'],
        pattern: /Invalid API Key format: Must start with pre-defined prefix/i,
        status: 'fail',
        reading: 'Bedrock does not take the value of AWS_BEARER_TOKEN_BEDROCK as an API key',
        sources: [
          'github.com/aws-solutions-library-samples/guidance-for-claude-code-with-amazon-bedrock/issues/784'
        ]
      }
    ]
  },
  'bearer-key-expired': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the API key has expired',
    fix: () =>
      'Short-term keys last at most 12 hours, and never past the session that made them: generate the key in the ' +
      'job right before it is used (aws-bedrock-token-generator), or use role-to-assume instead of a key.',
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html']
  },
  'bearer-key-region': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the API key is for another region',
    fix: ({ region, keyRegion }) =>
      `Generate the key for ${region} (switch region in the console, or pass the region to aws-bedrock-token-generator), ` +
      `or probe ${keyRegion ?? 'the region it was made for'}.`,
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html']
  },
  'api-key-unproven': {
    gate: 'credentials',
    kind: 'unproven',
    title: 'the API key was not proven',
    cell: 'not called',
    nextStep: 'Re-run: no Bedrock answer accepted or refused the API key.'
  }
} as const satisfies Record<string, CauseSpec>
