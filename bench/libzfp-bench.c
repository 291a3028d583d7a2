/*
 * Benchmark peer for bench/codec.ts: times LLNL libzfp on a raw field so our TypeScript codec
 * can be compared with the C library in the same run, on the same data and parameters.
 *
 * usage: libzfp-bench RAW TYPE SHAPE MODE REPS [STREAM_OUT]
 *   TYPE   f32 | f64 | i32 | i64
 *   SHAPE  nx[xny[xnz[xnw]]], fastest first
 *   MODE   rate=R | precision=P | accuracy=T | reversible   (rate: no word alignment)
 *   STREAM_OUT  optional path for the compressed bytes (to check them against ours)
 * prints one JSON line; MB/s = uncompressed bytes / 1e6 / best-of-REPS seconds of process CPU time
 * (on a machine shared with other work, wall time counts the waits for a core).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zfp.h>

static int fail(const char* message, const char* detail)
{
  fprintf(stderr, "libzfp-bench: %s%s%s\n", message, detail ? ": " : "", detail ? detail : "");
  return EXIT_FAILURE;
}

static double now(void)
{
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

static zfp_type parse_type(const char* name)
{
  if (!strcmp(name, "f32")) return zfp_type_float;
  if (!strcmp(name, "f64")) return zfp_type_double;
  if (!strcmp(name, "i32")) return zfp_type_int32;
  if (!strcmp(name, "i64")) return zfp_type_int64;
  return zfp_type_none;
}

/* Sets the stream's mode from "name=value"; returns 0 when the text is not a mode we know. */
static int set_mode(zfp_stream* zfp, const char* mode, zfp_type type, unsigned dims)
{
  const char* eq = strchr(mode, '=');
  double value = eq ? atof(eq + 1) : 0;
  if (!strcmp(mode, "reversible"))
    zfp_stream_set_reversible(zfp);
  else if (!strncmp(mode, "rate=", 5))
    zfp_stream_set_rate(zfp, value, type, dims, zfp_false);
  else if (!strncmp(mode, "precision=", 10))
    zfp_stream_set_precision(zfp, (unsigned)value);
  else if (!strncmp(mode, "accuracy=", 9))
    zfp_stream_set_accuracy(zfp, value);
  else
    return 0;
  return 1;
}

int main(int argc, char* argv[])
{
  if (argc < 6 || argc > 7)
    return fail("usage: libzfp-bench RAW TYPE SHAPE MODE REPS [STREAM_OUT]", NULL);

  zfp_type type = parse_type(argv[2]);
  if (type == zfp_type_none)
    return fail("unknown type (want f32, f64, i32 or i64)", argv[2]);

  size_t n[4] = {1, 1, 1, 1};
  unsigned dims = 0;
  for (const char* s = argv[3]; dims < 4 && *s; dims++) {
    char* end;
    n[dims] = strtoul(s, &end, 10);
    if (end == s || n[dims] == 0 || (*end && *end != 'x'))
      return fail("bad shape", argv[3]);
    s = *end ? end + 1 : end;
  }
  if (!dims)
    return fail("bad shape", argv[3]);
  int reps = atoi(argv[5]);
  if (reps < 1)
    return fail("REPS must be positive", argv[5]);

  size_t count = n[0] * n[1] * n[2] * n[3];
  size_t rawsize = count * zfp_type_size(type);
  void* input = malloc(rawsize);
  void* output = malloc(rawsize);
  FILE* file = fopen(argv[1], "rb");
  if (!input || !output || !file || fread(input, 1, rawsize, file) != rawsize)
    return fail("cannot read raw field", argv[1]);
  fclose(file);

  zfp_field* field = zfp_field_alloc();
  zfp_field_set_type(field, type);
  switch (dims) {
    case 1: zfp_field_set_size_1d(field, n[0]); break;
    case 2: zfp_field_set_size_2d(field, n[0], n[1]); break;
    case 3: zfp_field_set_size_3d(field, n[0], n[1], n[2]); break;
    default: zfp_field_set_size_4d(field, n[0], n[1], n[2], n[3]); break;
  }
  zfp_stream* zfp = zfp_stream_open(NULL);
  if (!set_mode(zfp, argv[4], type, dims))
    return fail("unknown mode (want rate=R, precision=P, accuracy=T or reversible)", argv[4]);

  size_t capacity = zfp_stream_maximum_size(zfp, field);
  void* buffer = malloc(capacity);
  bitstream* stream = stream_open(buffer, capacity);
  zfp_stream_set_bit_stream(zfp, stream);

  /* One untimed pass of each direction warms caches and page-faults the buffers in. */
  double best_compress = 1e300, best_decompress = 1e300;
  size_t zfpsize = 0;
  for (int rep = -1; rep < reps; rep++) {
    zfp_field_set_pointer(field, input);
    zfp_stream_rewind(zfp);
    double t0 = now();
    zfpsize = zfp_compress(zfp, field);
    double t1 = now();
    if (!zfpsize)
      return fail("compression failed", NULL);
    zfp_field_set_pointer(field, output);
    zfp_stream_rewind(zfp);
    double t2 = now();
    if (!zfp_decompress(zfp, field))
      return fail("decompression failed", NULL);
    double t3 = now();
    if (rep >= 0) {
      if (t1 - t0 < best_compress) best_compress = t1 - t0;
      if (t3 - t2 < best_decompress) best_decompress = t3 - t2;
    }
  }

  if (argc == 7) {
    FILE* out = fopen(argv[6], "wb");
    if (!out || fwrite(buffer, 1, zfpsize, out) != zfpsize || fclose(out))
      return fail("cannot write compressed stream", argv[6]);
  }

  printf("{\"bytes\":%zu,\"compress_mbs\":%.3f,\"decompress_mbs\":%.3f,\"reps\":%d}\n",
         zfpsize, rawsize / 1e6 / best_compress, rawsize / 1e6 / best_decompress, reps);

  zfp_field_free(field);
  zfp_stream_close(zfp);
  stream_close(stream);
  free(buffer);
  free(input);
  free(output);
  return EXIT_SUCCESS;
}
