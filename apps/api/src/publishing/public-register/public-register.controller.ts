import { Controller, Get, Inject, NotFoundException, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import escape from 'escape-html';
import type { Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { OfficeKey } from '../../exports/office-key';
import { Public } from '../../identity/access/allow.decorator';
import { ProblemError } from '../../problem/problem';
import { dayText } from '../../web/reading/format';
import { renderPage } from '../../web/layout/render';
import { sendPage } from '../../web/layout/send-page';
import { WebErrorFilter } from '../../web/layout/web-error.filter';
import { findPublicInspection, publicChanges, publicFindingsOf, publicLedgerState, publishedInspections, publicTargetDateRevisions, type PublicInspection, type ReadModelReader } from '@ledger/projections/read-models';
import { PublicRegisterReads } from '../public-register-reads';
import { PUBLISHING_SETTINGS, type PublishingSettings } from '../publishing.settings';
import { documentWithProvenance } from '../response-publishing.controller';
import { responseHtml } from '../render-response';
import { type PublicExport, publicExport } from './public-export';
import { PUBLISHED_DEFINITION, STATUS_WORDS } from './public-words';

type ExportOrWhyNot = PublicExport | { missing: string };

const REGISTER_NAME = 'Public transparency register';
const FEED_ENTRIES = 100;

const day = (date: string | null, none = 'Not set') => ({ text: date === null ? none : dayText(date) });

/**
 * The public transparency register: read-only, no sign-in, and only while the office has
 * switched it on (otherwise every address under /public answers 404, as if it did not exist).
 * It shows only published inspections (see PUBLISHED_DEFINITION) and never a person's name.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Public()
@Controller('public')
export class PublicRegisterController {
  constructor(
    @Inject(PUBLISHING_SETTINGS) private readonly settings: PublishingSettings,
    private readonly reads: PublicRegisterReads,
    private readonly officeKey: OfficeKey,
  ) {}

  @Get()
  async register(@Res() response: Response): Promise<void> {
    const reader = await this.open(response);
    const rows = publishedInspections(reader).map((inspection) => {
      const findings = publicFindingsOf(reader, inspection.inspectionId);
      const open = findings.filter((f) => !['NotAccepted', 'NotApplicable', 'Closed', 'ClosedByInspectorate', 'Superseded', 'NoLongerRelevant'].includes(f.status)).length;
      return [
        { html: `<a class="govuk-link" href="/public/inspections/${encodeURIComponent(inspection.inspectionId)}">${escape(inspection.title)}</a>` },
        { text: inspection.service === 'fire' ? 'Fire and rescue' : 'Police' },
        day(inspection.reportPublishedOn),
        day(inspection.responsePublishedOn),
        { text: `${open} of ${findings.length}` },
      ];
    });
    this.send(reader, response, 'publish/public-register.njk', { title: 'Published inspections and where each finding stands', section: 'register', definition: PUBLISHED_DEFINITION, rows }, null);
  }

  @Get('inspections/:id')
  async inspection(@Param('id') id: string, @Res() response: Response): Promise<void> {
    const { reader, inspection } = await this.published(id, response);
    const findings = publicFindingsOf(reader, id);
    const revisions = publicTargetDateRevisions(reader, id);
    const response_ = inspection.service === 'fire' ? 'Action plan' : 'Statutory response';
    const details = [
      { key: { text: 'Service' }, value: { text: inspection.service === 'fire' ? 'Fire and rescue' : 'Police' } },
      { key: { text: 'Report published' }, value: day(inspection.reportPublishedOn) },
      ...(inspection.reportUrl ? [{ key: { text: 'The report' }, value: { html: `<a class="govuk-link" href="${escape(inspection.reportUrl)}">${escape(inspection.reportUrl)}</a>` } }] : []),
      ...(inspection.responseDeadline ? [{ key: { text: `${response_} due by` }, value: day(inspection.responseDeadline) }] : []),
      { key: { text: `${response_} published` }, value: day(inspection.responsePublishedOn) },
      {
        key: { text: `The ${response_.toLowerCase()}` },
        value: { html: `<a class="govuk-link" href="/public/inspections/${encodeURIComponent(id)}/response">Read the ${response_.toLowerCase()} as published from the ledger</a>` },
      },
    ];
    const findingRows = findings.map((finding) => [
      { text: finding.reference },
      { text: STATUS_WORDS[finding.status] },
      day(finding.dueDate, 'None'),
      day(finding.targetDate),
      day(finding.completedOn, 'No'),
      day(finding.closedByInspectorateOn ?? finding.closedOn, 'No'),
    ]);
    const revisionRows = findings.flatMap((finding) =>
      (revisions.get(finding.findingId) ?? []).map((revision) => [
        { text: finding.reference },
        day(revision.on),
        day(revision.from, 'First set'),
        day(revision.to),
        { text: revision.reason ?? 'First target date' },
      ]),
    );
    const findingTexts = findings.map((finding) => ({ reference: finding.reference, text: finding.text }));
    this.send(reader, response, 'publish/public-inspection.njk', { title: inspection.title, details, findingRows, revisionRows, findingTexts }, await this.exportOf(reader, id), id);
  }

  @Get('inspections/:id/response')
  async responsePage(@Param('id') id: string, @Res() response: Response): Promise<void> {
    await this.published(id, response);
    const found = await documentWithProvenance(this.settings, this.reads, id, response);
    if (found === null) throw notFound();
    sendPage(response, 200, responseHtml(found.document, { stylesheet: 'served', provenance: found.provenance }));
  }

  @Get('inspections/:id/export/:file')
  async exportFile(@Param('id') id: string, @Param('file') file: string, @Res() response: Response): Promise<void> {
    const { reader } = await this.published(id, response);
    const made = await this.exportOf(reader, id);
    if (!('fileName' in made) || (file !== made.fileName && file !== made.manifestName)) throw notFound();
    response
      .status(200)
      .set({ 'Content-Type': file.endsWith('.json') ? 'application/json' : 'application/x-ndjson', 'Content-Disposition': `attachment; filename="${file}"`, 'X-Content-Type-Options': 'nosniff' });
    fs.createReadStream(path.join(made.folder, file)).pipe(response);
  }

  @Get('office-public-key.pem')
  async publicKey(@Res() response: Response): Promise<void> {
    await this.open(response);
    const key = this.officeKey.publicKey();
    response.status(200).set({ 'Content-Type': 'application/x-pem-file', 'Content-Disposition': 'attachment; filename="office-public-key.pem"' }).send(key.pem);
  }

  @Get('feed.atom')
  async feed(@Res() response: Response): Promise<void> {
    const reader = await this.open(response);
    const base = this.settings.publicUrl;
    const entries = publicChanges(reader, FEED_ENTRIES).map((change) => ({
      id: `urn:uuid:${change.eventId}`,
      title: change.title,
      link: `${base}/public/inspections/${encodeURIComponent(change.inspectionId)}`,
      updated: change.recordedAt,
      summary: `${change.title} (on ${dayText(change.on)})`,
    }));
    const feed = {
      title: `${REGISTER_NAME}: changes`,
      subtitle: PUBLISHED_DEFINITION,
      id: `${base}/public/feed.atom`,
      self: `${base}/public/feed.atom`,
      home: `${base}/public`,
      updated: entries[0]?.updated ?? new Date(0).toISOString(),
      author: 'The office of the Police, Fire and Crime Commissioner',
      entries,
    };
    response.status(200).set({ 'Content-Type': 'application/atom+xml; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).send(renderPage('publish/atom.njk', { title: feed.title, feed }));
  }

  /** 404 unless the office has switched the register on. */
  private async open(response: Response): Promise<ReadModelReader> {
    const reader = await this.reads.current(response);
    if (!publicLedgerState(reader).registerEnabled) throw notFound();
    return reader;
  }

  /** The inspection, only if published; 404 otherwise, the same answer as for one that does not exist. */
  private async published(id: string, response: Response): Promise<{ reader: ReadModelReader; inspection: PublicInspection }> {
    const reader = await this.open(response);
    const inspection = findPublicInspection(reader, id);
    if (!inspection || inspection.responsePublishedOn === null) throw notFound();
    return { reader, inspection };
  }

  private async exportOf(reader: ReadModelReader, id: string): Promise<ExportOrWhyNot> {
    let key;
    try {
      key = this.officeKey.signingKey();
    } catch (error) {
      if (error instanceof ProblemError) return { missing: 'The office has no signing key yet, so there is no signed export to check this page against.' };
      throw error;
    }
    return publicExport(this.settings, id, publicLedgerState(reader).position, key);
  }

  private send(reader: ReadModelReader, response: Response, template: string, model: { title: string } & Record<string, unknown>, exported: ExportOrWhyNot | null, inspectionId: string | null = null): void {
    const { digest, events } = publicLedgerState(reader);
    const exportLinks =
      exported !== null && 'fileName' in exported
        ? {
            fileName: exported.fileName,
            manifestName: exported.manifestName,
            fileHref: `${exportBase(inspectionId)}/${exported.fileName}`,
            manifestHref: `${exportBase(inspectionId)}/${exported.manifestName}`,
            explanation:
              "The export lists every event of this inspection's streams, whole from their first event and in the ledger's order, with each event's hash, its link to the one before, and when it happened and was recorded, signed with the office's key. " +
              "Of each event it gives only what this register publishes: who recorded it, and anything the office has not published, are withheld, and the manifest says exactly what and why. " +
              'Each hash covers the withheld fields too, so it cannot be recomputed from this file alone; the signature, the chain links, whole streams and the digest can, as below.',
          }
        : null;
    sendPage(
      response,
      200,
      renderPage(template, {
        ...model,
        registerName: REGISTER_NAME,
        provenance: { digest, events, export: exportLinks, exportMissing: exported !== null && 'missing' in exported ? exported.missing : null },
      }),
    );
  }
}

function exportBase(inspectionId: string | null): string {
  return `/public/inspections/${encodeURIComponent(inspectionId ?? '')}/export`;
}

function notFound(): NotFoundException {
  return new NotFoundException('There is no such page.');
}
