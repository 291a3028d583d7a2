/**
 * C printf's %.Nf, %.Ne and %.Ng for doubles, as glibc prints them: from the exact binary
 * value, exact ties rounded to even. JavaScript's toPrecision/toFixed round ties away from
 * zero, which would differ from zfp's summary line on values such as 0.125.
 */

/** Exact decimal digits of |x| (no leading zeros) and how many of them precede the point. */
interface Decimal {
  readonly digits: string;
  readonly point: number;
}

function exactDecimal(x: number): Decimal {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  if (mantissa === 0n) return { digits: '0', point: 1 };
  // m * 2^e = m * 5^-e / 10^-e for negative e, so the digits are those of an integer.
  const integer = exponent >= 0 ? mantissa << BigInt(exponent) : mantissa * 5n ** BigInt(-exponent);
  const text = integer.toString();
  const point = text.length + Math.min(exponent, 0);
  const trimmed = text.replace(/0+$/, '');
  return { digits: trimmed, point };
}

/** Keeps `keep` leading digits, rounding to nearest with ties to even; a carry adds a digit. */
function roundDigits(digits: string, keep: number): { digits: string; carried: boolean } {
  if (keep < 0) return { digits: '', carried: false };
  const kept = digits.slice(0, keep).padEnd(keep, '0');
  const rest = digits.slice(keep);
  const first = rest.charCodeAt(0) - 48;
  const tie = rest.replace(/0+$/, '') === '5';
  const lastKept = keep > 0 ? kept.charCodeAt(keep - 1) - 48 : 0;
  const up = rest.length > 0 && (first > 5 || (first === 5 && (!tie || lastKept % 2 === 1)));
  if (!up) return { digits: kept, carried: false };
  const incremented = (BigInt('1' + kept) + 1n).toString().slice(1);
  if (incremented === '' || /^0*$/.test(incremented)) return { digits: '1' + incremented, carried: true };
  return { digits: incremented, carried: false };
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return undefined;
}

function sign(x: number): string {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

function withPoint(intPart: string, fracPart: string): string {
  return fracPart.length > 0 ? `${intPart}.${fracPart}` : intPart;
}

/** Unsigned %.<precision>f body of a finite x. */
function fixedBody(x: number, precision: number): string {
  const { digits, point } = exactDecimal(x);
  const padded = point < 0 ? '0'.repeat(-point) + digits : digits;
  const start = Math.max(point, 0);
  const rounded = roundDigits(padded, start + precision);
  const intDigits = start + (rounded.carried ? 1 : 0);
  const all = rounded.digits.padStart(intDigits + precision, '0');
  const intPart = all.slice(0, all.length - precision) || '0';
  return withPoint(intPart, all.slice(all.length - precision));
}

/** Unsigned %.<precision>e parts of a finite x: significant digits and the decimal exponent. */
function scientificParts(x: number, precision: number): { digits: string; exponent: number } {
  if (x === 0) return { digits: '0'.repeat(precision + 1), exponent: 0 };
  const { digits, point } = exactDecimal(x);
  const rounded = roundDigits(digits, precision + 1);
  return {
    digits: rounded.digits.slice(0, precision + 1),
    exponent: point - 1 + (rounded.carried ? 1 : 0),
  };
}

function scientificBody(digits: string, exponent: number): string {
  const exp = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return `${withPoint(digits[0]!, digits.slice(1))}e${exp}`;
}

/** printf("%.<precision>f", x) */
export function formatF(x: number, precision: number): string {
  return special(x) ?? sign(x) + fixedBody(x, precision);
}

/** printf("%.<precision>e", x) */
export function formatE(x: number, precision: number): string {
  const { digits, exponent } = scientificParts(x, precision);
  return special(x) ?? sign(x) + scientificBody(digits, exponent);
}

/** printf("%.<precision>g", x) */
export function formatG(x: number, precision: number): string {
  const text = special(x);
  if (text !== undefined) return text;
  const p = precision === 0 ? 1 : precision;
  const { digits, exponent } = scientificParts(x, p - 1);
  const stripZeros = (s: string): string => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);
  if (exponent < p && exponent >= -4) return sign(x) + stripZeros(fixedBody(x, p - 1 - exponent));
  return sign(x) + scientificBody(digits.replace(/(?<=\d)0+$/, ''), exponent);
}
