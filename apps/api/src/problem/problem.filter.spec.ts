import { Logger, type ArgumentsHost } from '@nestjs/common';
import { WebErrorFilter } from '../web/layout/web-error.filter';
import { ProblemFilter } from './problem.filter';

const LINK = `lgr_link_${'L'.repeat(43)}`;
const FEED = `lgr_cal_${'C'.repeat(43)}`;

/** A request on an address that carries secrets, answered by `filter` with an unexpected error. */
function failOn(filter: { catch(error: unknown, host: ArgumentsHost): void }, originalUrl: string): string[] {
  const logged: string[] = [];
  const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
    logged.push(String(message));
  });
  const response = { headersSent: false, status: () => response, set: () => response, type: () => response, send: () => response };
  const host = { switchToHttp: () => ({ getRequest: () => ({ method: 'GET', originalUrl, headers: {} }), getResponse: () => response }) } as unknown as ArgumentsHost;
  try {
    filter.catch(new Error('the disk is on fire'), host);
  } finally {
    spy.mockRestore();
  }
  return logged;
}

describe('an unexpected error on an address that carries a secret', () => {
  it.each([
    ['the API', new ProblemFilter()],
    ['the pages', new WebErrorFilter()],
  ])('is logged by %s with the secret redacted', (_where, filter) => {
    const logged = failOn(filter, `/sign-in/link/${LINK}?then=/calendar/feeds/${FEED}.ics&code=abc123&state=xyz789`);
    expect(logged).toEqual([expect.stringMatching(/^GET \/sign-in\/link\/lgr_link_\[redacted\]\?then=\/calendar\/feeds\/lgr_cal_\[redacted\]\.ics&code=\[redacted\]&state=\[redacted\]: .*the disk is on fire/)]);
    for (const secret of [LINK, FEED, 'abc123', 'xyz789']) expect(logged.join('\n')).not.toContain(secret);
  });
});
