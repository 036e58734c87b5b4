import type { OfficePublicKeyFile } from '@ledger/integrity';
import type { ProjectionOverview } from '../../administration/projection-administration';
import { CSRF_FIELD } from '../layout/csrf';
import { renderPage } from '../layout/render';

export const PROJECTIONS_PATH = '/admin/projections';
export const SIGNING_KEYS_PATH = '/admin/signing-keys';

const STATE_TEXT: Record<ProjectionOverview['state'], string> = {
  live: 'Live',
  'catching-up': 'Catching up',
  rebuilding: 'Rebuilding',
  faulted: 'Faulted',
  'not-started': 'Not started',
};

const formatNumber = (value: number) => value.toLocaleString('en-GB');

/** A rebuild under way: events done of those there are, from the head of the log minus its checkpoint. */
function progressText(overview: ProjectionOverview): string {
  const rebuild = overview.rebuild;
  if (rebuild) {
    const total = rebuild.eventsDone + rebuild.lag.events;
    const percent = total === 0 ? 100 : Math.floor((rebuild.eventsDone / total) * 100);
    return `Generation ${rebuild.generation}: ${formatNumber(rebuild.eventsDone)} of ${rebuild.lag.atLeast ? 'at least ' : ''}${formatNumber(total)} events (${percent}%)`;
  }
  const asked = overview.asked;
  if (asked?.state === 'swapped-in') return `Rebuilt: ${asked.outcome}`;
  if (asked?.state === 'failed') return `Rebuild failed: ${asked.outcome}`;
  return '';
}

function lagText(overview: ProjectionOverview): string {
  if (overview.lag === null) return '-';
  return `${overview.lag.atLeast ? 'at least ' : ''}${formatNumber(overview.lag.events)}`;
}

/** Each read model's state, with a rebuild button per read model and one for all. */
export function projectionsPage(overviews: readonly ProjectionOverview[], asked: readonly string[]): string {
  return renderPage('administration/projections.njk', {
    title: 'Read models',
    section: 'admin',
    adminPage: 'projections',
    asked: asked.join(', '),
    rebuildAllHref: `${PROJECTIONS_PATH}/rebuild`,
    readModels: overviews.map((overview) => ({
      name: overview.name,
      cells: [
        { text: overview.name },
        { text: overview.fault ? `${STATE_TEXT[overview.state]}: event ${overview.fault.eventId} (${overview.fault.eventType}): ${overview.fault.error}` : STATE_TEXT[overview.state] },
        { text: overview.generation === null ? '-' : String(overview.generation), format: 'numeric' },
        { text: overview.checkpoint === null ? '-' : String(overview.checkpoint), format: 'numeric' },
        { text: lagText(overview), format: 'numeric' },
        { text: progressText(overview) },
      ],
      rebuildHref: `${PROJECTIONS_PATH}/${encodeURIComponent(overview.name)}/rebuild`,
    })),
  });
}

/** Asks before a rebuild: it reads the whole log again. */
export function confirmRebuildPage(names: readonly string[], csrfToken: string, action: string): string {
  const which = names.length === 1 ? `the ${names[0]} read model` : `all ${names.length} read models`;
  return renderPage('administration/confirm.njk', {
    title: `Rebuild ${which}?`,
    section: 'admin',
    explanation: `${names.length === 1 ? 'It is' : 'Each is'} built again from the start of the log into a new table, and swapped in once caught up. The current one keeps answering until then. Nothing is recorded in the ledger.`,
    warning: 'On a large ledger this reads every event again and takes a while.',
    action,
    button: `Rebuild ${which}`,
    cancelHref: PROJECTIONS_PATH,
    csrf: { name: CSRF_FIELD, value: csrfToken },
  });
}

/** The office's signing keys: the current one and those retired, with their fingerprints. */
export function signingKeysPage(keys: readonly OfficePublicKeyFile[], created: string | null): string {
  const current = keys.find((key) => key.current);
  return renderPage('administration/signing-keys.njk', {
    title: 'Export signing keys',
    section: 'admin',
    adminPage: 'signing-keys',
    created,
    hasCurrent: current !== undefined,
    rotateHref: `${SIGNING_KEYS_PATH}/rotate`,
    keyRows: keys.map((key) => [
      { html: `<code class="govuk-!-text-break-word" data-key-id>${key.keyId}</code>` },
      { text: key.current ? 'Current: signs new exports' : 'Retired: checks the exports it signed' },
      { text: `${key.current ? 'Created' : 'Retired'} ${key.since.toISOString().slice(0, 16).replace('T', ' ')} UTC` },
      // The link names its key in view: a visually hidden part, positioned absolutely, would widen a narrow page past its scrolling table.
      { html: `<a class="govuk-link" href="/api/admin/signing-keys/${key.keyId}/public-key" download>Public key ${key.keyId.slice(0, 8)}…</a>` },
    ]),
  });
}

export function confirmRotationPage(hasCurrent: boolean, csrfToken: string): string {
  return renderPage('administration/confirm.njk', {
    title: hasCurrent ? 'Rotate the signing key?' : 'Create the signing key?',
    section: 'admin',
    explanation: hasCurrent
      ? 'Exports made from now on are signed with a new key. The current key is retired and kept: its public key still checks the exports it signed.'
      : 'Exports are signed with this key; its public key is what anyone checks them with.',
    warning: hasCurrent ? 'Give the new public key to everyone who checks exports.' : null,
    action: `${SIGNING_KEYS_PATH}/rotate`,
    button: hasCurrent ? 'Rotate the signing key' : 'Create the signing key',
    cancelHref: SIGNING_KEYS_PATH,
    csrf: { name: CSRF_FIELD, value: csrfToken },
  });
}
