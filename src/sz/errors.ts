/** Base class of every error the SZ-style codec throws on purpose. */
export class SzError extends Error {
  override name = 'SzError';
}

/** A stream that is truncated, corrupt or of another format. */
export class SzFormatError extends SzError {
  override name = 'SzFormatError';
}

/** An error bound, shape, scalar type or quantization radius the codec does not accept. */
export class SzParameterError extends SzError {
  override name = 'SzParameterError';
}
