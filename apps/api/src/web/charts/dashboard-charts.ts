import { RECOMMENDATION_STATUSES } from '@ledger/domain';
import { queryRegister, queryTimeline, type RegisterEntry, type RegisterFilter, type TimelineEntry } from '@ledger/projections/read-models';
import type { ReadModelReader } from '@ledger/projections/read-models';
import { day, dayText, shorten } from '../reading/format';
import { STATUS } from '../reading/words';
import type { Chart } from './chart';
import { findingsOverTime } from './findings-over-time';
import { readAll } from './read-all';
import { CHART_COLOURS, svgChart } from './svg-chart';

const DAY_AXIS = { type: 'temporal', title: null, axis: { format: '%b %Y', labelAngle: 0 }, scale: { type: 'utc' } } as const;

/** The dashboard's pictures, for the findings its filters select: open and overdue over time, and statuses by inspection. */
export async function dashboardCharts(reader: ReadModelReader, filter: RegisterFilter, today: string): Promise<Chart[]> {
  const findings = readAll((page) => queryRegister(reader, filter, page, today));
  if (findings.length === 0) return [];
  const ids = new Set(findings.map((finding) => finding.recommendationId));
  const inspections = [...new Set(findings.map((finding) => finding.inspectionId))];
  const timeline = inspections.flatMap((inspectionId) => readAll((page) => queryTimeline(reader, { inspectionId }, page)));
  return [await openAndOverdueChart(timeline, ids, today), await statusByInspectionChart(findings)];
}

async function openAndOverdueChart(timeline: readonly TimelineEntry[], ids: ReadonlySet<string>, today: string): Promise<Chart> {
  const points = findingsOverTime(timeline, ids, today);
  const caption = `Open and overdue findings at the end of each month, to ${dayText(today)}, by when things happened`;
  const values = points.flatMap((point) => [
    { day: point.day, series: 'Open', findings: point.open },
    { day: point.day, series: 'Overdue', findings: point.overdue },
  ]);
  const svg = await svgChart(
    {
      width: 560,
      height: 260,
      data: { values },
      mark: { type: 'line', point: true, strokeWidth: 3 },
      encoding: {
        x: { field: 'day', ...DAY_AXIS },
        y: { field: 'findings', type: 'quantitative', title: 'Findings', axis: { tickMinStep: 1, format: 'd' } },
        color: { field: 'series', type: 'nominal', title: null, scale: { domain: ['Open', 'Overdue'], range: [CHART_COLOURS[0], '#d4351c'] } },
        strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: ['Open', 'Overdue'], range: [[1, 0], [6, 3]] } },
      },
    },
    caption,
  );
  return {
    id: 'chart-open-overdue',
    caption,
    svg,
    table: {
      caption: 'Open and overdue findings, by month',
      label: 'Open and overdue findings, by month',
      rowHeaders: true,
      columns: [{ text: 'End of', nowrap: true }, { text: 'Open', numeric: true }, { text: 'Overdue', numeric: true }],
      rows: points.map((point) => [day(point.day), point.open, point.overdue]),
    },
  };
}

async function statusByInspectionChart(findings: readonly RegisterEntry[]): Promise<Chart> {
  const counts = new Map<string, { inspection: string; status: string; order: number; findings: number }>();
  for (const finding of findings) {
    const inspection = inspectionName(finding);
    const key = `${finding.inspectionId} ${finding.status}`;
    const count = counts.get(key) ?? { inspection, status: STATUS[finding.status].text, order: RECOMMENDATION_STATUSES.indexOf(finding.status), findings: 0 };
    count.findings++;
    counts.set(key, count);
  }
  const values = [...counts.values()].sort((a, b) => a.inspection.localeCompare(b.inspection) || a.order - b.order);
  const statuses = RECOMMENDATION_STATUSES.filter((status) => values.some((value) => value.status === STATUS[status].text)).map((status) => STATUS[status].text);
  const inspections = [...new Set(values.map((value) => value.inspection))];
  const caption = 'Findings by status, for each inspection';
  const svg = await svgChart(
    {
      width: 560,
      height: { step: 40 },
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'inspection', type: 'nominal', title: null, sort: inspections, axis: { labelLimit: 200 } },
        x: { field: 'findings', type: 'quantitative', title: 'Findings', stack: 'zero', axis: { tickMinStep: 1, format: 'd' } },
        color: { field: 'status', type: 'nominal', title: 'Status', scale: { domain: statuses }, legend: { direction: 'horizontal', columns: 3 } },
        order: { field: 'order', type: 'quantitative' },
      },
    },
    caption,
  );
  return {
    id: 'chart-status-by-inspection',
    caption,
    svg,
    table: {
      caption: 'Findings by status, for each inspection',
      label: 'Findings by status, for each inspection',
      columns: [{ text: 'Inspection' }, { text: 'Status' }, { text: 'Findings', numeric: true }],
      rows: values.map((value) => [value.inspection, value.status, value.findings]),
    },
  };
}

function inspectionName(finding: RegisterEntry): string {
  const title = finding.inspection?.title ?? 'Inspection not recorded';
  return `${shorten(title, 60)}${finding.inspection ? ` (${dayText(finding.inspection.publishedOn)})` : ''}`;
}
