import type { SlippageEntry, TimelineEntry } from '@ledger/projections/read-models';
import { lines, small, type Inline } from '../components/inline';
import { day, dayText } from '../reading/format';
import type { Chart } from './chart';
import { svgChart } from './svg-chart';

interface TargetPoint {
  /** When it happened (the day a date was set or a change decided). */
  on: string;
  target: string;
  what: 'Set' | 'Moved' | 'Refused' | 'Asked for';
  reason: string | null;
}

const WHAT_COLOUR = { Set: '#1d70b8', Moved: '#f47738', Refused: '#d4351c', 'Asked for': '#505a5f' } as const;

/**
 * A finding's target date over time: the date in force as a stepped line, and each change asked
 * for, moved, refused or still waiting, with its reason in the table beside it. Null when no
 * target date was ever set.
 */
export async function targetDateChart(reference: string, timeline: readonly TimelineEntry[], slippage: SlippageEntry | null, today: string): Promise<Chart | null> {
  const points = targetPoints(timeline, slippage);
  if (points.length === 0) return null;
  const inForce = points.filter((point) => point.what === 'Set' || point.what === 'Moved');
  const last = inForce[inForce.length - 1];
  const line = [...inForce, ...(last && last.on < today ? [{ ...last, on: today }] : [])].map((point) => ({ on: point.on, target: point.target }));
  const caption = `Target date of ${reference} over time: ${inForce.length - 1 === 1 ? 'moved once' : `moved ${Math.max(inForce.length - 1, 0)} times`}${last ? `, now ${dayText(last.target)}` : ''}`;
  // Padded, so that a date at either end of a scale is not drawn on the axis line.
  const time = (title: string) => ({ type: 'temporal', title, scale: { type: 'utc', padding: 16 }, axis: { format: '%-d %b %Y', labelAngle: 0, labelOverlap: true } }) as const;
  const svg = await svgChart(
    {
      width: 560,
      height: 240,
      layer: [
        {
          data: { values: line },
          mark: { type: 'line', interpolate: 'step-after', strokeWidth: 3, color: '#1d70b8' },
          encoding: { x: { field: 'on', ...time('When') }, y: { field: 'target', ...time('Target date') } },
        },
        {
          data: { values: points },
          mark: { type: 'point', filled: true, size: 120 },
          encoding: {
            x: { field: 'on', ...time('When') },
            y: { field: 'target', ...time('Target date') },
            color: { field: 'what', type: 'nominal', title: null, scale: { domain: Object.keys(WHAT_COLOUR), range: Object.values(WHAT_COLOUR) } },
            shape: { field: 'what', type: 'nominal', title: null, scale: { domain: Object.keys(WHAT_COLOUR), range: ['circle', 'diamond', 'cross', 'triangle-up'] } },
          },
        },
      ],
    },
    caption,
  );
  return {
    id: 'chart-target-date',
    caption,
    svg,
    table: {
      caption: 'Each target date, when and why',
      label: 'Each target date, when and why',
      columns: [{ text: 'When', nowrap: true }, { text: 'Target date', nowrap: true }, { text: 'What and why' }],
      rows: points.map((point): Inline[] => [day(point.on), day(point.target), lines(point.what, point.reason && small(point.reason))]),
    },
  };
}

function targetPoints(timeline: readonly TimelineEntry[], slippage: SlippageEntry | null): TargetPoint[] {
  const points: TargetPoint[] = timeline
    .filter((entry) => entry.eventType === 'RecommendationTargetDateSet' && entry.correctedBy === null)
    .map((entry) => ({ on: entry.occurredOn, target: entry.changes.targetDate as string, what: 'Set', reason: null }));
  for (const revision of slippage?.revisions ?? []) {
    const on = (revision.decidedAt ?? revision.requestedAt).slice(0, 10);
    const what = revision.outcome === 'approved' ? 'Moved' : revision.outcome === 'refused' ? 'Refused' : 'Asked for';
    points.push({ on, target: revision.to, what, reason: revision.decisionNote && what === 'Refused' ? `${revision.reason} Refused: ${revision.decisionNote}` : revision.reason });
  }
  return points.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}
