import { describe, expect, it } from '@jest/globals'
import { GOOD_FORM } from '../../__fixtures__/forms.js'
import { formFields } from '../../src/report/build/use-case-form.js'
import type { UseCaseFormRecord } from '../../src/types.js'
import {
  encodeUseCaseForm,
  loadUseCaseForm,
  UseCaseFormError,
  validateUseCaseForm
} from '../../src/inputs/use-case-form.js'

describe('use-case form', () => {
  it('accepts a complete form, inline or from a file', () => {
    expect(validateUseCaseForm(GOOD_FORM)).toEqual(GOOD_FORM)
    expect(loadUseCaseForm(JSON.stringify(GOOD_FORM))).toEqual(GOOD_FORM)
    expect(
      loadUseCaseForm('form.json', path => (path === 'form.json' ? JSON.stringify(GOOD_FORM) : ''))
    ).toEqual(GOOD_FORM)
  })

  it('treats otherIndustryOption as optional', () => {
    const { otherIndustryOption: _omitted, ...rest } = GOOD_FORM
    expect(validateUseCaseForm(rest).otherIndustryOption).toBe('')
  })

  it.each([
    ['a missing field', { ...GOOD_FORM, companyName: undefined }, /missing the field companyName/],
    ['an empty required field', { ...GOOD_FORM, useCases: '  ' }, /field useCases is empty/],
    [
      'a companyName over 128 characters',
      { ...GOOD_FORM, companyName: 'x'.repeat(129) },
      /companyName is 129 characters; the limit is 128/
    ],
    [
      'a companyWebsite over 128 characters',
      { ...GOOD_FORM, companyWebsite: 'x'.repeat(129) },
      /limit is 128/
    ],
    [
      'an industryOption over 128 characters',
      { ...GOOD_FORM, industryOption: 'x'.repeat(129) },
      /limit is 128/
    ],
    [
      'an otherIndustryOption over 128 characters',
      { ...GOOD_FORM, otherIndustryOption: 'x'.repeat(129) },
      /limit is 128/
    ],
    ['useCases over 8192 characters', { ...GOOD_FORM, useCases: 'x'.repeat(8193) }, /limit is 8192/],
    ['intendedUsers out of range', { ...GOOD_FORM, intendedUsers: '3' }, /intendedUsers must be "0"/],
    ['intendedUsers as a number', { ...GOOD_FORM, intendedUsers: 0 }, /intendedUsers must be a string/],
    ['an unknown field', { ...GOOD_FORM, ceo: 'x' }, /unknown field\(s\) ceo/],
    ['an array', [GOOD_FORM], /JSON object/]
  ])('refuses %s', (_name, form, problem) => {
    expect(() => validateUseCaseForm(form)).toThrow(UseCaseFormError)
    expect(() => validateUseCaseForm(form)).toThrow(problem)
  })

  it('accepts fields exactly at their limits', () => {
    expect(() =>
      validateUseCaseForm({ ...GOOD_FORM, companyName: 'x'.repeat(128), useCases: 'y'.repeat(8192) })
    ).not.toThrow()
  })

  it('encodes the form as JSON bytes (the SDK base64-encodes them)', () => {
    expect(JSON.parse(new TextDecoder().decode(encodeUseCaseForm(validateUseCaseForm(GOOD_FORM))))).toEqual(
      GOOD_FORM
    )
  })
})

describe('the form in the report', () => {
  const record = (form: UseCaseFormRecord['form']): UseCaseFormRecord => ({
    via: 'management-role',
    account: '999988887777',
    regions: [{ region: 'us-east-1', state: 'missing' }],
    ...(form ? { form } : {})
  })

  it('says what create-agreement would submit where it was not sent, and shortens the long free text', () => {
    const shown = formFields(
      record({
        submitted: false,
        fields: [
          { name: 'companyName', value: 'Example Corp' },
          { name: 'useCases', value: 'x'.repeat(5000) }
        ]
      })
    )!
    expect(shown.heading).toBe(
      'The use-case form create-agreement: true would submit, in the management account 999988887777'
    )
    expect(shown.fields[0]).toEqual({ name: 'companyName', value: 'Example Corp' })
    expect(shown.fields[1]!.value).toHaveLength(301)
    expect(shown.fields[1]!.value.endsWith('…')).toBe(true)
  })

  it('shows nothing when no form was given or none is needed', () => {
    expect(formFields(record(undefined))).toBeUndefined()
    expect(formFields(undefined)).toBeUndefined()
  })
})
