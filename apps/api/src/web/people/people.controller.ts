import { Controller, ForbiddenException, Get, Inject, NotFoundException, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { isRole } from '@ledger/application';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/tokens';
import { Allow } from '../../identity/access/allow.decorator';
import { signInLinkUrl } from '../../identity/people/first-administrator';
import { PeopleStore, type Person } from '../../identity/people/people-store';
import { CSRF_FIELD, CsrfProtection } from '../layout/csrf';
import { readFormPost } from '../layout/form-body';
import { sendPage } from '../layout/send-page';
import { WebErrorFilter } from '../layout/web-error.filter';
import { PEOPLE_PATH, peoplePage, secretPage } from './people.pages';

const MAX_FORM_BYTES = 10_000;

/**
 * The administrator's pages for the embedded sign-in: add people, disable them, and give them a
 * one-time sign-in link or an API token (each shown once). The same store as `ledger people` and
 * `ledger tokens`.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Allow('manage-people')
@Controller(PEOPLE_PATH.slice(1))
export class PeopleController {
  constructor(
    private readonly people: PeopleStore,
    private readonly csrf: CsrfProtection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get()
  list(@Req() request: Request, @Res() response: Response): void {
    sendPage(response, 200, peoplePage({ people: this.people.list(), csrfToken: this.csrf.tokenFor(request, response), values: { name: '', role: '', organisation: '' }, errors: [] }));
  }

  @Post()
  async add(@Req() request: Request, @Res() response: Response): Promise<void> {
    const form = await this.ownForm(request);
    const values = { name: form.get('name') ?? '', role: form.get('role') ?? '', organisation: form.get('organisation') ?? '' };
    const errors = [];
    if (values.name.trim() === '') errors.push({ field: 'name', message: "Enter the person's name" });
    if (!isRole(values.role)) errors.push({ field: 'role', message: 'Choose a role' });
    if (values.organisation.trim() === '') errors.push({ field: 'organisation', message: "Enter the person's organisation" });
    if (errors.length > 0 || !isRole(values.role)) {
      sendPage(response, 400, peoplePage({ people: this.people.list(), csrfToken: this.csrf.tokenFor(request, response), values, errors }));
      return;
    }
    const person = this.people.add({ name: values.name, role: values.role, organisation: values.organisation });
    sendPage(response, 201, secretPage('link', person, signInLinkUrl(this.config.publicUrl, this.people.createSignInLink(person.id))));
  }

  @Post(':personId/sign-in-link')
  async signInLink(@Param('personId') personId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.ownForm(request);
    const person = this.personOf(personId);
    sendPage(response, 201, secretPage('link', person, signInLinkUrl(this.config.publicUrl, this.people.createSignInLink(person.id))));
  }

  @Post(':personId/tokens')
  async token(@Param('personId') personId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.ownForm(request);
    const person = this.personOf(personId);
    sendPage(response, 201, secretPage('token', person, this.people.createApiToken(person.id, 'issued on the people page').token));
  }

  @Post(':personId/disable')
  async disable(@Param('personId') personId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.ownForm(request);
    this.people.disable(this.personOf(personId).id);
    response.redirect(303, PEOPLE_PATH);
  }

  private personOf(personId: string): Person {
    const person = this.people.find(personId);
    if (!person) throw new NotFoundException('No person has this id.');
    if (person.disabled) throw new NotFoundException(`${person.name} is disabled.`);
    return person;
  }

  private async ownForm(request: Request): Promise<URLSearchParams> {
    const form = await readFormPost(request, MAX_FORM_BYTES);
    if (!this.csrf.accepts(request, form.get(CSRF_FIELD))) {
      throw new ForbiddenException("It was not sent from this service's own page in this browser: go back, reload the page and try again.");
    }
    return form;
  }
}
