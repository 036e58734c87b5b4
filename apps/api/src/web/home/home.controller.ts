import { Controller, Get, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { html } from '../layout/html';
import { layout, SERVICE_NAME } from '../layout/layout';
import { sendPage } from '../layout/send-page';
import { WebErrorFilter } from '../layout/web-error.filter';
import { REGISTRATION_PATH } from '../record/recording-pages';

@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller()
export class HomeController {
  @Get()
  home(@Res() response: Response): void {
    const content = html`<h1 class="govuk-heading-xl">${SERVICE_NAME}</h1>
<p class="govuk-body-l">The office's record of what happens to every HMICFRS recommendation: who accepted it, who committed to what and by when, what progress was reported, and who checked it was done.</p>
<p class="govuk-body">Nothing recorded here is ever edited or deleted. A mistake is put right by a new entry that says who made it and why.</p>
<h2 class="govuk-heading-m">Read the ledger</h2>
<div class="govuk-grid-row">
  <div class="govuk-grid-column-one-third">
    <h3 class="govuk-heading-s"><a class="govuk-link" href="/dashboard">Dashboard</a></h3>
    <p class="govuk-body">Findings counted by status, RAG, overdue and blocked; challenges and statutory responses.</p>
  </div>
  <div class="govuk-grid-column-one-third">
    <h3 class="govuk-heading-s"><a class="govuk-link" href="/register">Register</a></h3>
    <p class="govuk-body">Inspections and their recommendations, areas for improvement and causes of concern, with where each stands.</p>
  </div>
  <div class="govuk-grid-column-one-third">
    <h3 class="govuk-heading-s"><a class="govuk-link" href="/challenges">Scrutiny challenges</a></h3>
    <p class="govuk-body">Questions put by the panel and other forums, and their answers.</p>
  </div>
</div>
<h2 class="govuk-heading-m">Record an inspection</h2>
<div class="govuk-grid-row">
  <div class="govuk-grid-column-one-third">
    <h3 class="govuk-heading-s"><a class="govuk-link" href="/import">Import a published page</a></h3>
    <p class="govuk-body">Upload an inspection and response page, check what will be recorded, then record it.</p>
  </div>
  <div class="govuk-grid-column-one-third">
    <h3 class="govuk-heading-s"><a class="govuk-link" href="${REGISTRATION_PATH}">Register an inspection by hand</a></h3>
    <p class="govuk-body">For a report that cannot be imported: its details, then its findings one by one.</p>
  </div>
  <div class="govuk-grid-column-one-third">
    <h3 class="govuk-heading-s"><a class="govuk-link" href="/api/docs">API documentation</a></h3>
    <p class="govuk-body">Every command and history, for systems that work with the ledger.</p>
  </div>
</div>`;
    sendPage(response, 200, layout({ title: 'Home', content }));
  }
}
