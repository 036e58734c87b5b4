import type { StatutoryEntry } from '@ledger/projections/read-models';
import { day, shorten } from '../reading/format';
import { STATUTORY_TEXT } from '../reading/words';
import type { Chart } from './chart';
import { svgChart } from './svg-chart';

const STATE_COLOUR = { due: '#1d70b8', overdue: '#d4351c', 'published-on-time': '#00703c', 'published-late': '#f47738' } as const;

/**
 * The clock of each statutory response: the days of its period used so far (or on the day it
 * was published) against the period itself, 56 days for police reports, with its end marked.
 */
export async function statutoryClockChart(responses: readonly StatutoryEntry[]): Promise<Chart | null> {
  if (responses.length === 0) return null;
  const values = responses.map((response) => ({
    response: `${shorten(response.title ?? 'Untitled inspection', 50)} (${response.inspectionId.slice(0, 8)})`,
    day: Math.min(response.dayNumber, response.responsePeriodDays + 60),
    period: response.responsePeriodDays,
    state: STATUTORY_TEXT[response.state],
  }));
  const caption = 'The clock of each statutory response: the day of its period it was published on or has reached';
  const y = { field: 'response', type: 'nominal', title: null, sort: null, axis: { labelLimit: 240 } } as const;
  const svg = await svgChart(
    {
      width: 560,
      height: { step: 34 },
      data: { values },
      layer: [
        { mark: { type: 'bar', color: '#f3f2f1', stroke: '#b1b4b6' }, encoding: { y, x: { field: 'period', type: 'quantitative', title: 'Day of the response period' } } },
        {
          mark: { type: 'bar', height: { band: 0.5 } },
          encoding: {
            y,
            x: { field: 'day', type: 'quantitative' },
            color: { field: 'state', type: 'nominal', title: null, scale: { domain: Object.keys(STATE_COLOUR).map((state) => STATUTORY_TEXT[state as keyof typeof STATE_COLOUR]), range: Object.values(STATE_COLOUR) } },
          },
        },
        { mark: { type: 'tick', color: '#0b0c0c', thickness: 3 }, encoding: { y, x: { field: 'period', type: 'quantitative' } } },
      ],
    },
    caption,
  );
  return {
    id: 'chart-statutory-clock',
    caption,
    svg,
    table: {
      caption: 'Day reached of each response period',
      label: 'Day reached of each response period',
      columns: [{ text: 'Inspection' }, { text: 'Day', numeric: true }, { text: 'Of', numeric: true }, { text: 'Due', nowrap: true }, { text: 'State' }],
      rows: responses.map((response, index) => [values[index].response, response.dayNumber, response.responsePeriodDays, day(response.dueDate), STATUTORY_TEXT[response.state]]),
    },
  };
}
