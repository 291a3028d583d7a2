/** Base class of every error the codec throws on purpose. */
export class ZfpError extends Error {
  override name = 'ZfpError';
}

/** A compressed stream or header that is truncated, corrupt or of another format. */
export class ZfpFormatError extends ZfpError {
  override name = 'ZfpFormatError';
}

/** A compression parameter, shape, stride or scalar type outside what zfp 1.0 accepts. */
export class ZfpParameterError extends ZfpError {
  override name = 'ZfpParameterError';
}

/** Input values a mode cannot represent (NaN or ±Inf in a lossy mode). */
export class ZfpDataError extends ZfpError {
  override name = 'ZfpDataError';
}
