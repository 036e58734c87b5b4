import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import fs from 'node:fs';
import path from 'node:path';

const READING_CSS = fs.readFileSync(path.join(__dirname, 'reading.css'), 'utf8');
const CHARTS_CSS = fs.readFileSync(path.join(__dirname, '..', 'charts', 'charts.css'), 'utf8');

/** The reading pages' stylesheet: their navigation, and how they print (no navigation, a page per inspection in a pack). */
@ApiExcludeController()
@Controller()
export class ReadingAssetsController {
  @Get('ledger/reading.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  stylesheet(): string {
    return READING_CSS;
  }

  /** How the charts drawn on the server fit the page and print. */
  @Get('ledger/charts.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  chartsStylesheet(): string {
    return CHARTS_CSS;
  }
}
