/** A complete, valid Anthropic use-case form. */
export const GOOD_FORM = {
  companyName: 'Example Corp',
  companyWebsite: 'https://example.com',
  intendedUsers: '0',
  industryOption: 'Technology',
  otherIndustryOption: '',
  useCases: 'Internal software engineering with Claude: code review and documentation.'
}
