/**
 * Numbers with thousands separators ("1,234.5"), exactly as `value.toLocaleString("en-US",
 * { maximumFractionDigits })` writes them, without Intl: the first toLocaleString of a process
 * builds ICU's locale tables (about 113 million instructions, 40 ms: an eighth of a one-replication
 * `resim run` of mmc.yaml). Here, below experiment/ and report/, so both write figures alike.
 */

/**
 * `value` as `value.toLocaleString("en-US", { maximumFractionDigits })` writes it: digits grouped
 * by three with commas, at most `maximumFractionDigits` decimals (0 to 20), trailing zeros
 * dropped, ties rounded away from zero, "-0" for a negative that rounds to zero.
 */
export function groupedNumber(value: number, maximumFractionDigits = 3): string {
  if (Number.isNaN(value)) return "NaN";
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  if (!Number.isFinite(value)) return `${sign}∞`;
  // ICU rounds the shortest decimal that reads back as the double (what String() writes), not the
  // double's binary value as toFixed does: 1.0025 is "1.003" here, "1.002" by toFixed(3).
  const [mantissa, exponent] = String(Math.abs(value)).split("e");
  const point = mantissa.indexOf(".");
  let digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  // The value is 0.DIGITS x 10^whole: `whole` digits stand before the decimal point.
  let whole = (point < 0 ? mantissa.length : point) + (exponent === undefined ? 0 : Number(exponent));
  const keep = whole + maximumFractionDigits;
  if (keep < digits.length) {
    const roundUp = keep >= 0 && digits.charCodeAt(keep) >= 53; // "5" or more
    digits = keep > 0 ? digits.slice(0, keep) : "";
    if (roundUp) {
      const carried = addOne(digits);
      // "999" + 1 = "1000": one more digit before the point (9.99 -> 10.00).
      if (carried.length > digits.length) whole++;
      digits = carried;
    }
  }
  const integer = (whole <= 0 ? "" : digits.slice(0, whole).padEnd(whole, "0")).replace(/^0+/, "") || "0";
  const fraction = (whole < 0 ? "0".repeat(-whole) + digits : digits.slice(whole)).replace(/0+$/, "");
  return `${sign}${group(integer)}${fraction === "" ? "" : `.${fraction}`}`;
}

/** A string of decimal digits plus one ("199" -> "200", "99" -> "100", "" -> "1"). */
function addOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === "9") i--;
  if (i < 0) return `1${"0".repeat(digits.length)}`;
  return `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${"0".repeat(digits.length - 1 - i)}`;
}

/** "1234567" -> "1,234,567" */
function group(integer: string): string {
  let out = integer.slice(0, ((integer.length - 1) % 3) + 1);
  for (let i = out.length; i < integer.length; i += 3) out += `,${integer.slice(i, i + 3)}`;
  return out;
}
