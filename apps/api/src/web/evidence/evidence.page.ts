import { EVIDENCE_CLASSIFICATIONS } from '@ledger/domain';
import type { TimelineEntry } from '@ledger/projections/read-models';
import { errorMessageOf } from '../components/fields';
import { CSRF_FIELD } from '../layout/csrf';
import type { FormError } from '../layout/error-summary';
import { renderPage } from '../layout/render';
import { instantText } from '../reading/format';
import type { EvidenceCheck, EvidenceKeeping } from './evidence-files';

export const MAX_EVIDENCE_MB = 20;

/** Evidence as the ledger recorded it: one RecommendationEvidenceSubmitted entry. */
export interface RecordedEvidence {
  title: string;
  reference: string;
  sha256: string;
  classification: string;
  /** When it was submitted (a day, or an instant), and when the ledger recorded it. */
  occurredAt: string;
  recordedAt: string;
  recommendationId: string | null;
  /** The finding it was submitted for (REC 03). */
  finding: string | null;
}

export function recordedEvidence(timeline: readonly TimelineEntry[]): RecordedEvidence[] {
  return timeline
    .filter((entry) => entry.eventType === 'RecommendationEvidenceSubmitted')
    .map((entry) => ({
      title: String(entry.changes.title),
      reference: String(entry.changes.reference),
      sha256: String(entry.changes.sha256),
      classification: String(entry.changes.classification),
      occurredAt: entry.occurredAt,
      recordedAt: entry.recordedAt,
      recommendationId: entry.recommendationId,
      finding: entry.reference,
    }));
}

export interface EvidenceList {
  uploadHref: string | null;
  items: (RecordedEvidence & { href: string; occurredText: string; recordedText: string })[];
}

/** The recommendation page's list of evidence, each linking to its file and the check of its hash. */
export function evidenceList(timeline: readonly TimelineEntry[], uploadHref: string | null): EvidenceList {
  return {
    uploadHref,
    items: recordedEvidence(timeline).map((evidence) => ({ ...evidence, href: `/evidence/${evidence.sha256}`, occurredText: instantText(evidence.occurredAt), recordedText: instantText(evidence.recordedAt) })),
  };
}

export interface UploadValues {
  title: string;
  classification: string;
}

export function evidenceUploadPage(model: { caption: string; action: string; back: string; values: UploadValues; errors: readonly FormError[]; csrfToken: string; keeping: EvidenceKeeping }): string {
  const { values, errors } = model;
  return renderPage('evidence/evidence-upload.njk', {
    title: 'Upload evidence',
    caption: model.caption,
    action: model.action,
    back: model.back,
    errors,
    keeping: model.keeping,
    csrf: { name: CSRF_FIELD, value: model.csrfToken },
    file: {
      id: 'evidence-file',
      name: 'evidenceFile',
      label: { text: 'The document', classes: 'govuk-label--s' },
      hint: { text: `Up to ${MAX_EVIDENCE_MB} MB. The ledger computes its SHA-256 for you.` },
      errorMessage: errorMessageOf(errors, 'evidence-file'),
    },
    titleInput: { id: 'title', name: 'title', label: { text: 'Title', classes: 'govuk-label--s' }, hint: { text: 'For example, Training completion report, January 2025' }, value: values.title, errorMessage: errorMessageOf(errors, 'title') },
    classification: {
      idPrefix: 'classification',
      name: 'classification',
      fieldset: { legend: { text: 'Security classification of the document', classes: 'govuk-fieldset__legend--s' } },
      errorMessage: errorMessageOf(errors, 'classification'),
      items: EVIDENCE_CLASSIFICATIONS.map((value) => ({ value, text: value, checked: value === values.classification })),
    },
  });
}

/** One piece of evidence: what was recorded, and whether the file kept still has the hash recorded. */
export function evidencePage(sha256: string, recorded: readonly RecordedEvidence[], check: EvidenceCheck): string {
  const first = recorded[0];
  return renderPage('evidence/evidence.njk', {
    title: first ? `Evidence: ${first.title}` : 'Evidence',
    hasErrors: check.kept && !check.matches,
    sha256,
    check,
    recorded: recorded.map((evidence) => ({
      ...evidence,
      occurredText: instantText(evidence.occurredAt),
      recordedText: instantText(evidence.recordedAt),
      findingHref: evidence.recommendationId && `/recommendations/${encodeURIComponent(evidence.recommendationId)}`,
    })),
    fileHref: `/evidence/${sha256}/file`,
  });
}
