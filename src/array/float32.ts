/** The largest finite float32. */
export const FLOAT32_MAX = (2 - 2 ** -23) * 2 ** 127;

/** The largest float32 plus half an ulp: anything at least this large rounds to infinity (the tie goes up, as the max is odd). */
export const FLOAT32_OVERFLOW = (2 - 2 ** -24) * 2 ** 127;
