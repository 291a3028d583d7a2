/*
 * Benchmark peer for bench/solvers.ts: one inline step of diffusion2d (periodic FTCS, diffusion
 * number R) held in zfp 1.0's read-only compressed array, zfp::const_array2d from Debian's
 * libzfp-dev headers, used the way zfp's own examples/diffusion uses it with -c: each step
 * decompresses the whole array into a plain buffer, adds R times the five-point Laplacian read
 * back through the compressed array's accessor, and compresses the buffer again.
 *
 * usage: libzfp-diffusion RAW N MODE R CACHE_BLOCKS STEPS REPS
 *   RAW           N^2 float64 values, x fastest (the initial state; compressing it is untimed)
 *   MODE          precision=P or rate=R (fixed rate unaligned, as zfp_config_rate(rate, false))
 *   CACHE_BLOCKS  cache lines of 4x4 doubles (the example's -b); 0 keeps zfp's default size
 * prints one JSON line: milliseconds per step (process CPU time, as bench/solvers.ts times ours:
 * best of REPS runs of STEPS steps after one warm-up run) and the compressed bytes after the last step.
 */
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>
#include <zfp/constarray2.hpp>

static int fail(const char* message, const char* detail)
{
  std::fprintf(stderr, "libzfp-diffusion: %s: %s\n", message, detail);
  return EXIT_FAILURE;
}

static bool read_field(const char* path, std::vector<double>& out)
{
  FILE* file = std::fopen(path, "rb");
  if (!file)
    return false;
  size_t got = std::fread(out.data(), sizeof(double), out.size(), file);
  bool whole = got == out.size() && std::fgetc(file) == EOF;
  std::fclose(file);
  return whole;
}

static bool parse_mode(const char* mode, zfp_config& config)
{
  double value;
  if (std::sscanf(mode, "precision=%lf", &value) == 1)
    config = zfp_config_precision(static_cast<unsigned>(value));
  else if (std::sscanf(mode, "rate=%lf", &value) == 1)
    config = zfp_config_rate(value, false);
  else
    return false;
  return true;
}

int main(int argc, char* argv[])
{
  if (argc != 8)
    return fail("usage", "libzfp-diffusion RAW N MODE R CACHE_BLOCKS STEPS REPS");
  const size_t n = std::strtoul(argv[2], 0, 10);
  const double r = std::atof(argv[4]);
  const size_t cache_blocks = std::strtoul(argv[5], 0, 10);
  const int steps = std::atoi(argv[6]);
  const int reps = std::atoi(argv[7]);
  zfp_config config;
  if (n < 3 || steps < 1 || reps < 1 || !(r > 0))
    return fail("N must be at least 3, R positive, STEPS and REPS positive", argv[2]);
  if (!parse_mode(argv[3], config))
    return fail("MODE must be precision=P or rate=R", argv[3]);
  std::vector<double> initial(n * n);
  if (!read_field(argv[1], initial))
    return fail("raw field does not hold N^2 doubles", argv[1]);

  zfp::const_array2d u(n, n, config, 0, cache_blocks * 4 * 4 * sizeof(double));
  std::vector<double> v(n * n);
  // Periodic neighbours along one axis.
  std::vector<size_t> below(n), above(n);
  for (size_t i = 0; i < n; i++) {
    below[i] = (i + n - 1) % n;
    above[i] = (i + 1) % n;
  }

  auto step = [&] {
    u.get(v.data());
    for (size_t y = 0; y < n; y++)
      for (size_t x = 0; x < n; x++) {
        double centre = u(x, y);
        double sum = u(below[x], y) + u(above[x], y) + u(x, below[y]) + u(x, above[y]);
        v[x + n * y] += r * (sum - 4 * centre);
      }
    u.set(v.data());
  };

  double best = 1e300;
  for (int rep = 0; rep <= reps; rep++) {
    u.set(initial.data());
    std::clock_t start = std::clock();
    for (int k = 0; k < steps; k++)
      step();
    double took = double(std::clock() - start) / CLOCKS_PER_SEC;
    if (rep > 0 && took < best)
      best = took;
  }
  std::printf("{\"ms_per_step\":%.4f,\"bytes\":%zu}\n", 1e3 * best / steps, u.size_bytes(ZFP_DATA_PAYLOAD));
  return EXIT_SUCCESS;
}
