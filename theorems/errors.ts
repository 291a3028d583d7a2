/** Base class of every error the theorem modules throw on purpose. */
export class TheoremError extends Error {
  override name = 'TheoremError';
}

/**
 * A theorem was asked for a bound while one of its hypotheses does not hold.
 * `hypothesis` names it, `value` is what was measured and `required` what the theorem needs,
 * so a caller can print "contraction L < 1 fails: L = 1.02 (by 0.02)".
 */
export class TheoremHypothesisError extends TheoremError {
  override name = 'TheoremHypothesisError';
  readonly hypothesis: string;
  readonly value: number;
  readonly required: string;

  constructor(hypothesis: string, value: number, required: string, detail?: string) {
    super(`hypothesis "${hypothesis}" fails: measured ${value}, required ${required}${detail ? ` (${detail})` : ''}`);
    this.hypothesis = hypothesis;
    this.value = value;
    this.required = required;
  }
}

/** An argument outside the domain a function is defined on (β out of range, mismatched lengths, NaN). */
export class TheoremDomainError extends TheoremError {
  override name = 'TheoremDomainError';
}
