import { occurredTimes, type CorrectableStatutoryStep, type InspectionEvent, type StatutoryResponseEvent } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection, ProjectionContext } from '../../projection';
import { timeKeys } from '../history/history-keys';
import { aggregateOf, domainEventOf, envelopeOf } from '../shared/envelope';
import { putRow, updateRows } from '../shared/rows';

export const STATUTORY = 'statutory_compliance';

/**
 * Each inspection's statutory response (police: Police Act 1996 s.55; fire: the office's action
 * plan policy): its timetable, the steps taken and their dates, publication and the copies sent.
 * The day number and whether it is late are worked out when read, from these dates and today.
 * `steps` keeps each step as recorded, with the keys of when it happened and was recorded, so the
 * response can be stood as at a day (statutory.as-at.ts); a correction supersedes its step.
 */
export const statutoryProjection: Projection = {
  name: STATUTORY,
  version: 2,
  tables: {
    responses: {
      columns: `inspection_id TEXT PRIMARY KEY, title TEXT, service TEXT, report_published_on TEXT, response_period_days INTEGER,
        deadline TEXT, timetable_revised_because TEXT, invited_on TEXT, comments_due_by TEXT, chief_officer_comments_on TEXT,
        commissioner_comments_on TEXT, reply_on TEXT, published_on TEXT, published_as TEXT, url TEXT, copy_to_hmicfrs_on TEXT,
        copy_to_home_secretary_on TEXT`,
      queryIndexes: ['deadline', 'service'],
    },
    steps: {
      columns: `position INTEGER PRIMARY KEY, inspection_id TEXT NOT NULL, step TEXT NOT NULL, fields TEXT NOT NULL,
        occurred_key TEXT NOT NULL, recorded_key TEXT NOT NULL, corrected INTEGER NOT NULL`,
      indexes: ['inspection_id, step, position'],
    },
  },
  apply(recorded: RecordedEvent, context: ProjectionContext): void {
    const aggregate = aggregateOf(recorded.streamId);
    if (aggregate === 'inspection') applyInspection(domainEventOf<InspectionEvent>(recorded), context);
    else if (aggregate === 'statutory-response') {
      const event = domainEventOf<StatutoryResponseEvent>(recorded);
      applyResponse(event, context);
      keepStep(event, recorded, context);
    }
  },
};

/** The title comes from the inspection, whose events come first in the log. */
function applyInspection(event: InspectionEvent, context: ProjectionContext): void {
  if (event.type === 'InspectionRegistered') {
    context.statement(`INSERT INTO ${context.table('responses')} (inspection_id, title) VALUES (@id, @title) ON CONFLICT (inspection_id) DO UPDATE SET title = excluded.title`).run({ id: event.inspectionId, title: event.title });
  } else if (event.type === 'InspectionDetailsAmended' && event.changes.title !== undefined) {
    updateRows(context, 'responses', 'inspection_id', event.inspectionId, { title: event.changes.title });
  }
}

/** The column holding each correctable step's date. */
const CORRECTED_COLUMN: Record<CorrectableStatutoryStep, string> = {
  invitation: 'invited_on',
  chiefOfficerComments: 'chief_officer_comments_on',
  commissionerComments: 'commissioner_comments_on',
  replyToChiefOfficer: 'reply_on',
  publication: 'published_on',
};

/** The step of the response each event records, and the columns it sets. */
export type StatutoryStep = 'timetable' | CorrectableStatutoryStep | 'copyToHMICFRS' | 'copyToHomeSecretary';
type StepFields = Record<string, string | number | null>;

function stepOf(event: Exclude<StatutoryResponseEvent, { type: 'StatutoryDateCorrected' }>): { step: StatutoryStep; fields: StepFields } {
  switch (event.type) {
    case 'StatutoryResponseOpened':
    case 'StatutoryTimetableRevised':
      return {
        step: 'timetable',
        fields: {
          service: event.service,
          report_published_on: event.reportPublishedOn,
          response_period_days: event.responsePeriodDays,
          deadline: event.deadline,
          timetable_revised_because: event.type === 'StatutoryTimetableRevised' ? event.reason : null,
        },
      };
    case 'ChiefOfficerCommentsInvited':
      return { step: 'invitation', fields: { invited_on: event.invitedOn, comments_due_by: event.commentsDueBy } };
    case 'ChiefOfficerCommentsRecorded':
      return { step: 'chiefOfficerComments', fields: { chief_officer_comments_on: event.receivedOn } };
    case 'CommissionerCommentsRecorded':
      return { step: 'commissionerComments', fields: { commissioner_comments_on: event.madeOn } };
    case 'ReplyToChiefOfficerRecorded':
      return { step: 'replyToChiefOfficer', fields: { reply_on: event.madeOn } };
    case 'StatutoryResponsePublished':
      return { step: 'publication', fields: { published_on: event.publishedOn, published_as: 'statutory-response', url: event.url } };
    case 'ActionPlanPublished':
      return { step: 'publication', fields: { published_on: event.publishedOn, published_as: 'action-plan', url: event.url } };
    case 'StatutoryResponseCopySent':
      return event.recipient === 'HMICFRS' ? { step: 'copyToHMICFRS', fields: { copy_to_hmicfrs_on: event.sentOn } } : { step: 'copyToHomeSecretary', fields: { copy_to_home_secretary_on: event.sentOn } };
  }
}

/**
 * Keeps the step an event records. A corrected date is what happened: the correction's row
 * carries the step's other fields, counts as happening on the correct date, and marks the rows
 * it supersedes, which the `occurred` basis (everything recorded to date) then skips.
 */
function keepStep(event: StatutoryResponseEvent, recorded: RecordedEvent, context: ProjectionContext): void {
  const keys = timeKeys(envelopeOf(recorded));
  const row = (step: StatutoryStep, fields: StepFields, occurredKey: string) =>
    putRow(context, 'steps', { position: recorded.position, inspection_id: event.inspectionId, step, fields: JSON.stringify(fields), occurred_key: occurredKey, recorded_key: keys.recorded, corrected: 0 });
  if (event.type !== 'StatutoryDateCorrected') {
    const { step, fields } = stepOf(event);
    return row(step, fields, keys.occurred);
  }
  const latest = context
    .statement(`SELECT fields FROM ${context.table('steps')} WHERE inspection_id = ? AND step = ? ORDER BY position DESC LIMIT 1`)
    .get(event.inspectionId, event.step) as { fields: string } | undefined;
  context.statement(`UPDATE ${context.table('steps')} SET corrected = 1 WHERE inspection_id = ? AND step = ?`).run(event.inspectionId, event.step);
  row(event.step, { ...(latest === undefined ? {} : (JSON.parse(latest.fields) as StepFields)), [CORRECTED_COLUMN[event.step]]: event.correctDate }, occurredTimes(event.correctDate).sortKey);
}

function applyResponse(event: StatutoryResponseEvent, context: ProjectionContext): void {
  const set = (values: Record<string, string | number | null>) => updateRows(context, 'responses', 'inspection_id', event.inspectionId, values);
  switch (event.type) {
    case 'StatutoryResponseOpened':
      context.statement(`INSERT INTO ${context.table('responses')} (inspection_id) VALUES (?) ON CONFLICT (inspection_id) DO NOTHING`).run(event.inspectionId);
      return set({ service: event.service, report_published_on: event.reportPublishedOn, response_period_days: event.responsePeriodDays, deadline: event.deadline });
    case 'StatutoryTimetableRevised':
      return set({
        service: event.service,
        report_published_on: event.reportPublishedOn,
        response_period_days: event.responsePeriodDays,
        deadline: event.deadline,
        timetable_revised_because: event.reason,
      });
    case 'ChiefOfficerCommentsInvited':
      return set({ invited_on: event.invitedOn, comments_due_by: event.commentsDueBy });
    case 'ChiefOfficerCommentsRecorded':
      return set({ chief_officer_comments_on: event.receivedOn });
    case 'CommissionerCommentsRecorded':
      return set({ commissioner_comments_on: event.madeOn });
    case 'ReplyToChiefOfficerRecorded':
      return set({ reply_on: event.madeOn });
    case 'StatutoryResponsePublished':
      return set({ published_on: event.publishedOn, published_as: 'statutory-response', url: event.url });
    case 'ActionPlanPublished':
      return set({ published_on: event.publishedOn, published_as: 'action-plan', url: event.url });
    case 'StatutoryResponseCopySent':
      return set(event.recipient === 'HMICFRS' ? { copy_to_hmicfrs_on: event.sentOn } : { copy_to_home_secretary_on: event.sentOn });
    case 'StatutoryDateCorrected':
      return set({ [CORRECTED_COLUMN[event.step]]: event.correctDate });
  }
}
