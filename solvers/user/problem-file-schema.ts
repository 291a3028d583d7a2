/**
 * The JSON Schema of a problem file (`zfpwb validate --problem F.json`). The loader checks every file
 * against it before reading a field, so a malformed file is refused with the path of the bad field.
 */
const expression = {
  description: 'a number, or a mathjs expression in x, y, z, the parameters (and t for exact)',
  oneOf: [{ type: 'number' }, { type: 'string', minLength: 1 }],
} as const;

export const problemFileSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'zfp-workbench problem file',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'shape', 'boundary', 'stencil', 'initial', 'kind', 'steps'],
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', minLength: 1, maxLength: 80 },
    shape: { description: 'extents, fastest-varying first', type: 'array', minItems: 1, maxItems: 3, items: { type: 'integer', minimum: 3 } },
    domain: {
      description: 'per axis [a, b]; default [0, 1]',
      type: 'array',
      minItems: 1,
      maxItems: 3,
      items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number' } },
    },
    boundary: {
      description: 'periodic; dirichlet (the edge points hold boundaryValue); zero-outside (every point updated, neighbours past the edge read 0)',
      enum: ['periodic', 'dirichlet', 'zero-outside'],
    },
    boundaryValue: expression,
    parameters: { type: 'object', additionalProperties: { type: 'number' } },
    stencil: {
      type: 'object',
      additionalProperties: false,
      required: ['offsets', 'weights'],
      properties: {
        offsets: { type: 'array', minItems: 1, items: { type: 'array', minItems: 1, maxItems: 3, items: { type: 'integer' } } },
        weights: { type: 'array', minItems: 1, items: expression },
      },
    },
    source: { oneOf: [expression, { type: 'null' }] },
    initial: {
      oneOf: [
        expression,
        {
          description: 'a .npy file (float64 or float32, C order), or raw little-endian values of "type"',
          type: 'object',
          additionalProperties: false,
          required: ['file'],
          properties: { file: { type: 'string', minLength: 1 }, type: { enum: ['float64', 'float32'] } },
        },
      ],
    },
    exact: { oneOf: [expression, { type: 'null' }] },
    dt: { type: 'number', exclusiveMinimum: 0 },
    kind: { enum: ['time-stepping', 'fixed-point'] },
    steps: { type: 'integer', minimum: 1 },
    tolerance: { type: 'number', exclusiveMinimum: 0 },
  },
} as const;
