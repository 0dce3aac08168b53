import fc from 'fast-check';

/**
 * Any decimal string the upstream could send, up to `whole` digits before the point and
 * `fraction` after: a sign or none, leading zeros, trailing zeros, no fraction at all.
 */
export function decimalStrings(whole: number, fraction: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.boolean(),
      fc.stringMatching(new RegExp(`^\\d{1,${whole}}$`)),
      fc.option(fc.stringMatching(new RegExp(`^\\d{1,${fraction}}$`)), { nil: undefined }),
    )
    .map(
      ([negative, digits, part]) =>
        `${negative ? '-' : ''}${digits}${part === undefined ? '' : `.${part}`}`,
    );
}
