import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { PassRatePoint } from '../../../src-shared/quality/pass-rate-series';
import { STAGES, type Stage } from '../../../src-shared/quality/plan';

const COLORS: Record<Stage, string> = {
  incoming: '#fa8c16',
  'in-process': '#722ed1',
  final: '#1677ff',
  outgoing: '#13c2c2',
};
const DASHES: Record<Stage, string | undefined> = {
  incoming: '6 3',
  'in-process': '2 2',
  final: undefined,
  outgoing: '8 3 2 3',
};

/** Pass rate per stage over time; each stage has its own colour and dash pattern. */
export function PassRateChart({
  points,
  stageLabel,
}: {
  points: PassRatePoint[];
  stageLabel: (s: Stage) => string;
}) {
  const data = points.map((p) => ({
    period: p.period,
    ...Object.fromEntries(
      STAGES.map((s) => [s, p.rates[s] === null ? null : Math.round(p.rates[s]! * 1000) / 10]),
    ),
  }));
  const used = STAGES.filter((s) => points.some((p) => p.rates[s] !== null));
  return (
    <div data-testid="pass-rate-chart" data-periods={points.length}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 10, right: 30, left: 10, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip formatter={(v) => `${v} %`} />
          <Legend />
          {used.map((s) => (
            <Line
              key={s}
              dataKey={s}
              name={stageLabel(s)}
              stroke={COLORS[s]}
              strokeDasharray={DASHES[s]}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
