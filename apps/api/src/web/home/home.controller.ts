import { Controller, Get, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { renderPage } from '../layout/render';
import { sendPage } from '../layout/send-page';
import { WebErrorFilter } from '../layout/web-error.filter';
import { REGISTRATION_PATH } from '../record/recording-pages';

@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller()
export class HomeController {
  @Get()
  home(@Res() response: Response): void {
    sendPage(response, 200, renderPage('home/home.njk', { title: 'Home', registrationPath: REGISTRATION_PATH }));
  }
}
