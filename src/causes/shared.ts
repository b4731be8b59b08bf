/** The words and guides more than one gate's causes use. */
export const MODEL_ACCESS_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/model-access.html'

/** AWS's table of Bedrock error codes: the account-level 403s (MPAgreementBeingCreated, BadCScoreException …). */
export const ERROR_CODES_GUIDE =
  'docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html'
