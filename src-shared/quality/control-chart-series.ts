/**
 * X-bar and R control chart data (Shewhart, the constants of ISO 7870-2 / ASTM E2587) from a
 * characteristic's recent readings, in the order they were taken, split into consecutive
 * subgroups. Limits come from the data itself (Phase I); the specification limits are passed
 * along for drawing, never mixed into the control limits.
 */

/** A2, D3, D4 and d2 by subgroup size 2–10. */
const CONSTANTS: Record<number, { a2: number; d3: number; d4: number; d2: number }> = {
  2: { a2: 1.88, d3: 0, d4: 3.267, d2: 1.128 },
  3: { a2: 1.023, d3: 0, d4: 2.574, d2: 1.693 },
  4: { a2: 0.729, d3: 0, d4: 2.282, d2: 2.059 },
  5: { a2: 0.577, d3: 0, d4: 2.114, d2: 2.326 },
  6: { a2: 0.483, d3: 0, d4: 2.004, d2: 2.534 },
  7: { a2: 0.419, d3: 0.076, d4: 1.924, d2: 2.704 },
  8: { a2: 0.373, d3: 0.136, d4: 1.864, d2: 2.847 },
  9: { a2: 0.337, d3: 0.184, d4: 1.816, d2: 2.97 },
  10: { a2: 0.308, d3: 0.223, d4: 1.777, d2: 3.078 },
};

export const SUBGROUP_SIZES = Object.keys(CONSTANTS).map(Number);

export interface ControlPoint {
  /** 1-based subgroup number. */
  subgroup: number;
  mean: number;
  range: number;
  /** The mean or the range lies outside its control limits. */
  meanOut: boolean;
  rangeOut: boolean;
  /** Label of the subgroup's first reading (a lot number), for the tooltip. */
  label?: string;
}

export interface ControlChart {
  points: ControlPoint[];
  subgroupSize: number;
  /** Grand mean and mean range; null when there is no complete subgroup. */
  center: { mean: number; range: number } | null;
  limits: { meanUpper: number; meanLower: number; rangeUpper: number; rangeLower: number } | null;
  spec: { lower?: number; upper?: number };
  /** Process capability from R̄/d2; null without both spec limits or with no spread. */
  cpk: number | null;
  /** Readings left over after the last complete subgroup (not drawn). */
  leftover: number;
}

export function controlChartSeries(
  readings: readonly { value: number; label?: string }[],
  options: { subgroupSize?: number; lower?: number; upper?: number } = {},
): ControlChart {
  const n = options.subgroupSize ?? 5;
  const k = CONSTANTS[n];
  if (!k) throw new RangeError(`subgroup size ${n} (2–10)`);
  const spec = {
    ...(options.lower !== undefined ? { lower: options.lower } : {}),
    ...(options.upper !== undefined ? { upper: options.upper } : {}),
  };
  const groups = Math.floor(readings.length / n);
  const raw: { mean: number; range: number; label?: string }[] = [];
  for (let g = 0; g < groups; g++) {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = g * n; i < (g + 1) * n; i++) {
      const v = readings[i]!.value;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const label = readings[g * n]!.label;
    raw.push({ mean: sum / n, range: max - min, ...(label !== undefined ? { label } : {}) });
  }
  const leftover = readings.length - groups * n;
  if (groups === 0) {
    return { points: [], subgroupSize: n, center: null, limits: null, spec, cpk: null, leftover };
  }
  const mean = raw.reduce((s, p) => s + p.mean, 0) / groups;
  const range = raw.reduce((s, p) => s + p.range, 0) / groups;
  const limits = {
    meanUpper: mean + k.a2 * range,
    meanLower: mean - k.a2 * range,
    rangeUpper: k.d4 * range,
    rangeLower: k.d3 * range,
  };
  const points = raw.map((p, i) => ({
    subgroup: i + 1,
    mean: p.mean,
    range: p.range,
    meanOut: p.mean > limits.meanUpper || p.mean < limits.meanLower,
    rangeOut: p.range > limits.rangeUpper || p.range < limits.rangeLower,
    ...(p.label !== undefined ? { label: p.label } : {}),
  }));
  const sigma = range / k.d2;
  const cpk =
    spec.lower !== undefined && spec.upper !== undefined && sigma > 0
      ? Math.min(spec.upper - mean, mean - spec.lower) / (3 * sigma)
      : null;
  return { points, subgroupSize: n, center: { mean, range }, limits, spec, cpk, leftover };
}
