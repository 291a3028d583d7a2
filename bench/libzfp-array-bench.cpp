/*
 * Benchmark peer for bench/array.ts: element access through zfp 1.0's own compressed array
 * (zfp::array3d, Debian's libzfp-dev headers) on the same field, coordinates and cache sizes.
 *
 * usage: libzfp-array-bench RAW N COORDS CACHE_BLOCKS REPS
 *   RAW           N^3 float64 values, x fastest
 *   COORDS        int32 triples (x, y, z), one per access
 *   CACHE_BLOCKS  cache lines of 4^3 doubles (zfp rounds up to a power of two)
 * prints one JSON line: millions of gets and of sets per second of process CPU time (as
 * bench/array.ts times ours), best of REPS passes after a warm-up; each set pass ends with
 * flush_cache(), as ours ends with flush().
 */
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>
#include <zfp/array3.hpp>

static int fail(const char* message, const char* detail)
{
  std::fprintf(stderr, "libzfp-array-bench: %s: %s\n", message, detail);
  return EXIT_FAILURE;
}

static std::vector<char> slurp(const char* path)
{
  std::vector<char> bytes;
  if (FILE* file = std::fopen(path, "rb")) {
    char chunk[1 << 16];
    for (size_t got; (got = std::fread(chunk, 1, sizeof chunk, file)) > 0;)
      bytes.insert(bytes.end(), chunk, chunk + got);
    std::fclose(file);
  }
  return bytes;
}

template <typename Pass>
static double best_seconds(int reps, Pass pass)
{
  pass();
  double best = 1e300;
  for (int rep = 0; rep < reps; rep++) {
    std::clock_t start = std::clock();
    pass();
    double took = double(std::clock() - start) / CLOCKS_PER_SEC;
    if (took < best) best = took;
  }
  return best;
}

int main(int argc, char* argv[])
{
  if (argc != 6)
    return fail("usage", "libzfp-array-bench RAW N COORDS CACHE_BLOCKS REPS");
  size_t n = std::strtoul(argv[2], 0, 10);
  size_t lines = std::strtoul(argv[4], 0, 10);
  int reps = std::atoi(argv[5]);
  std::vector<char> raw = slurp(argv[1]);
  std::vector<char> coordBytes = slurp(argv[3]);
  if (!n || raw.size() != n * n * n * sizeof(double))
    return fail("raw field does not hold N^3 doubles", argv[1]);
  if (coordBytes.empty() || coordBytes.size() % (3 * sizeof(int32_t)))
    return fail("coordinates are not int32 triples", argv[3]);
  if (!lines || reps < 1)
    return fail("CACHE_BLOCKS and REPS must be positive", argv[4]);

  const int32_t* coords = reinterpret_cast<const int32_t*>(coordBytes.data());
  size_t count = coordBytes.size() / sizeof(int32_t);
  zfp::array3d a(n, n, n, 16.0, reinterpret_cast<const double*>(raw.data()), lines * 64 * sizeof(double));

  const zfp::array3d& reader = a;
  volatile double sink = 0;
  double get = best_seconds(reps, [&] {
    double sum = 0;
    for (size_t i = 0; i < count; i += 3)
      sum += reader(coords[i], coords[i + 1], coords[i + 2]);
    sink = sink + sum;
  });
  double set = best_seconds(reps, [&] {
    for (size_t i = 0; i < count; i += 3)
      a(coords[i], coords[i + 1], coords[i + 2]) = double(i);
    a.flush_cache();
  });
  double accesses = count / 3 / 1e6;
  std::printf("{\"get_mps\":%.3f,\"set_mps\":%.3f}\n", accesses / get, accesses / set);
  return EXIT_SUCCESS;
}
