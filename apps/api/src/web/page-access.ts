import type { Type } from '@nestjs/common';
import type { Request } from 'express';
import type { Capability } from '@ledger/application';
import { Allow, AllowFrom, Public } from '../identity/access/allow.decorator';
import { ThrottleHeavy } from '../identity/sign-in/throttle';
import { WebAssetsController } from './assets/web-assets.controller';
import { EvidenceController } from './evidence/evidence.controller';
import { ExportsPageController } from './exports/exports-page.controller';
import { HomeController } from './home/home.controller';
import { ImportPageController } from './import/import-page.controller';
import { ReadingAssetsController } from './reading/reading-assets.controller';
import { READING_PAGES } from './reading/reading-pages';
import { ActingAsController } from './record/acting-as/acting-as.controller';
import { ChallengeRecordController } from './record/challenge/challenge-record.controller';
import { inspectionForm } from './record/inspection/inspection-forms';
import { InspectionRecordController } from './record/inspection/inspection-record.controller';
import { RegistrationController } from './record/inspection/registration.controller';
import { statutoryForm } from './record/inspection/statutory-forms';
import { recommendationForm } from './record/recommendation/recommendation-forms';
import { RecommendationRecordController } from './record/recommendation/recommendation-record.controller';
import { AsAtPageController } from './scrutiny/as-at-page.controller';

function formParam(request: Request): string {
  const form = request.params['form'];
  return typeof form === 'string' ? form : '';
}

export function recommendationFormCapability(request: Request): Capability | undefined {
  return recommendationForm(formParam(request))?.command;
}

export function inspectionFormCapability(request: Request): Capability | undefined {
  const key = formParam(request);
  return (statutoryForm(key) ?? inspectionForm(key))?.command;
}

function onClass(controller: Type, decorator: ClassDecorator): void {
  decorator(controller);
}

function onMethod(controller: Type, method: string, decorator: MethodDecorator): void {
  const descriptor = Object.getOwnPropertyDescriptor(controller.prototype, method);
  if (!descriptor) throw new Error(`${controller.name} has no method ${method}`);
  decorator(controller.prototype as object, method, descriptor);
}

let applied = false;

/**
 * Each page's capability in the role table, in one place: the reading pages need `read`, a form
 * needs the command it records (showing the form too, so nobody fills in a form they may not
 * send), the import needs `import-page`. The static files, which the sign-in page needs, are open.
 * Run once, before Nest reads the controllers' metadata.
 */
export function applyPageAccess(): void {
  if (applied) return;
  applied = true;
  for (const page of READING_PAGES) onClass(page, Allow('read'));
  onMethod(AsAtPageController, 'asAt', ThrottleHeavy());
  // Who may make and download exports from the pages: the same people as over the API.
  onClass(ExportsPageController, Allow('export'));
  onMethod(ExportsPageController, 'create', ThrottleHeavy());
  onClass(EvidenceController, Allow('read'));
  onMethod(EvidenceController, 'form', Allow('SubmitEvidence'));
  onMethod(EvidenceController, 'upload', Allow('SubmitEvidence'));
  onClass(HomeController, Allow('home'));
  onClass(ImportPageController, Allow('import-page'));
  onMethod(ImportPageController, 'preview', ThrottleHeavy());
  onClass(RegistrationController, Allow('RegisterInspection'));
  onClass(RecommendationRecordController, AllowFrom(recommendationFormCapability));
  onClass(InspectionRecordController, AllowFrom(inspectionFormCapability));
  for (const [method, capability] of [
    ['showRaise', 'RaiseChallenge'],
    ['raise', 'RaiseChallenge'],
    ['showAnswer', 'AnswerChallenge'],
    ['answer', 'AnswerChallenge'],
    ['showClose', 'CloseChallenge'],
    ['close', 'CloseChallenge'],
  ] as const) {
    onMethod(ChallengeRecordController, method, Allow(capability));
  }
  // Choosing a development person is itself how a development browser signs in; it is refused (404) without development identities.
  onClass(ActingAsController, Public());
  onClass(WebAssetsController, Public());
  onClass(ReadingAssetsController, Public());
}
