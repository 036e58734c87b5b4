import { CHIEF_CONSTABLE, ID, INSPECTION, OWNERS } from '../read-models/support/sample-year';
import { HtmlPage } from './html-reading';
import { SCRIPT_TEXT, startReadingLedger, type ReadingLedger } from './reading-ledger';

/**
 * The pages a scrutiny panel member reads, over plain HTTP on the real application: the sample
 * inspection after its first year, read on 22 August 2025 (the fixed clock).
 */
describe('the reading pages over HTTP', () => {
  let ledger: ReadingLedger;

  beforeAll(async () => {
    ledger = await startReadingLedger();
  }, 60_000);

  afterAll(async () => {
    await ledger?.stop();
  });

  async function open(path: string, status = 200): Promise<HtmlPage> {
    const response = await ledger.http().get(path);
    expect({ path, status: response.status }).toEqual({ path, status });
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    return new HtmlPage(response.text);
  }

  function expectHeadingsInOrder(page: HtmlPage): void {
    const levels = page.headingLevels();
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level - levels[index - 1]).toBeLessThanOrEqual(1);
    });
  }

  describe('the register', () => {
    it("lists the inspections and every finding as it stands today, overdue shown as days overdue against the inspectorate's due date and against the force's target date, status and RAG as words", async () => {
      const page = await open('/register');
      expect(page.title()).toBe('Register – PFCC accountability ledger');
      expectHeadingsInOrder(page);
      expect(page.table('Inspections (2)').rows.map((row) => row[0])).toEqual(['Fire <em>safety</em> & "protection" inspection', expect.stringContaining('national operating model')]);

      const sample = page.table('Progress to introduce a national operating model').rows;
      expect(sample.map(([reference, , status, owner, due, target, rag]) => ({ reference, status, owner, due, target, rag }))).toEqual([
        { reference: 'REC 03', status: 'Closed', owner: OWNERS.rec03, due: '31 January 2025 Not overdue', target: '30 April 2025 Not overdue', rag: 'Not rated' },
        { reference: 'REC 05', status: 'In progress', owner: OWNERS.rec05, due: '31 July 2025 22 days overdue', target: '31 July 2025 22 days overdue', rag: 'Red' },
        { reference: 'REC 07', status: 'Closed', owner: OWNERS.rec07, due: '31 January 2025 Not overdue', target: '31 January 2025 Not overdue', rag: 'Not rated' },
        { reference: 'REC 09', status: 'Verified', owner: OWNERS.rec09, due: '31 January 2025 Not overdue', target: '31 January 2025 Not overdue', rag: 'Green' },
        // Its target date moved to 30 September, 39 days away; the inspectorate's 31 March passed 144 days ago.
        // Red against the inspectorate's date, amber against its own: both are shown beside the worse.
        { reference: 'REC 11', status: 'In progress', owner: OWNERS.rec11, due: '31 March 2025 144 days overdue', target: '30 September 2025 Due in 39 days', rag: 'Red Due date: Red Target date: Amber' },
      ]);
      expect(page.html).toContain(`<a class="govuk-link" href="/recommendations/${ID.rec05}">REC 05</a>`);
      expect(page.textsOf('govuk-tag--red')).toContain('22 days overdue');
      // The filters are a GET form, each field labelled.
      expect(page.html).toContain('<form method="get" action="/register" novalidate');
      for (const field of ['inspectionId', 'inspectionType', 'findingType', 'service', 'owner', 'status', 'overdue', 'blocked']) expect(page.html).toMatch(new RegExp(`<label class="govuk-label" for="${field}">`));
    });

    it('filters by inspection, type, service, owner, status and overdue, keeping the choices in the form', async () => {
      const references = (page: HtmlPage) => page.all((element) => element.name === 'th' && element.attribs.scope === 'row' && HtmlPage.text(element).length < 10).map((th) => HtmlPage.text(th));

      const overdue = await open('/register?overdue=true&status=&owner=');
      expect(references(overdue)).toEqual(['REC 05', 'REC 11']);
      expect(overdue.html).toContain('<option value="true" selected>Overdue only</option>');

      expect(references(await open('/register?status=InProgress'))).toEqual(['REC 05', 'REC 11']);
      expect(references(await open('/register?owner=forensic'))).toEqual(['REC 09']);
      expect(references(await open('/register?service=fire'))).toEqual(['AFI 1']);
      expect(references(await open('/register?findingType=area-for-improvement'))).toEqual(['AFI 1']);
      expect(references(await open('/register?inspectionType=national-thematic&overdue=false'))).toEqual(['REC 03', 'REC 07', 'REC 09']);
      const one = await open(`/register?inspectionId=${ledger.hostile.inspectionId}`);
      expect(references(one)).toEqual(['AFI 1']);
      expect(one.text()).toContain('Showing 1 to 1 of 1 finding');
    });

    it('answers a filter it cannot use with 400, an error summary naming each field, and the field marked', async () => {
      const page = await open('/register?status=Finished&overdue=maybe&page=0', 400);
      expect(page.title()).toBe('Error: Register – PFCC accountability ledger');
      expect(page.errorSummary()).toEqual([
        { href: '#status', text: 'Select a status from the list' },
        { href: '#overdue', text: 'Select whether to show overdue findings, or findings that are not overdue' },
        { href: '#page', text: 'Page must be a whole number, 1 or more' },
      ]);
      expect(page.classesOf('status-error')).toContain('govuk-error-message');
      expect(HtmlPage.text(page.byId('status-error'))).toBe('Error: Select a status from the list');
      expect(page.byId('status').attribs['aria-describedby']).toBe('status-error');
      expect(page.text()).not.toContain('REC 05');
    });
  });

  describe('an inspection', () => {
    it('shows its details, key findings, findings with status, target date, overdue and RAG, and the statutory response', async () => {
      const page = await open(`/inspections/${INSPECTION}`);
      expectHeadingsInOrder(page);
      expect(page.textsOf('govuk-breadcrumbs__link')).toEqual(['Home', 'Register']);
      expect(page.summary()).toMatchObject({
        Type: 'National thematic (published as “National Thematic”)',
        Published: '22 August 2024',
        Findings: '5 in all: 3 open, 2 overdue',
        'Due by': expect.stringContaining('16 October 2024'),
        'Response published': '23 October 2024',
        'Day number': 'Published on day 63 of 56',
        State: 'Published late 7 days late',
        'On time': 'No, late',
        'Copy to HMICFRS': 'Sent 24 October 2024',
        'Copy to the Home Secretary': 'Sent 25 October 2024',
        "Chief officer's comments": 'Invited 28 August 2024, due by 30 September 2024; received 1 October 2024',
      });
      expect(page.text()).toContain('Operation Soteria');
      const findings = page.table('Findings of this inspection (5)');
      expect(findings.headers).toEqual(['Reference', 'Finding', 'Status', 'Owner', "Inspectorate's due date", "Force's target date", 'RAG']);
      expect(findings.rows[1]).toEqual(['REC 05', expect.stringContaining('new definition of repeat rape'), 'In progress', OWNERS.rec05, '31 July 2025 22 days overdue', '31 July 2025 22 days overdue', 'Red']);
      expect(findings.rows[4].slice(4, 6)).toEqual(['31 March 2025 144 days overdue', '30 September 2025 Due in 39 days']);
      expect(page.table('Scrutiny challenges about this inspection').rows).toHaveLength(3);
    });

    it('shows its whole timeline a page at a time, in the order things happened, each entry with what it is about and both times', async () => {
      const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
      const dayOf = (text: string) => {
        const [, d, m, y] = /^(\d+) (\w+) (\d{4})/.exec(text)!;
        return `${y}-${String(MONTH.indexOf(m) + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;
      };
      const first = await open(`/inspections/${INSPECTION}`);
      expectHeadingsInOrder(first);
      expect(first.text()).toContain('Everything recorded about this inspection, its response and its findings, in the order things happened (entries of the same moment in the order they were recorded), each with when it happened and when it was recorded.');
      const timeline = first.table('Timeline of this inspection (');
      expect(timeline.headers).toEqual(['About', 'Happened', 'Recorded', 'Who', 'What changed']);
      expect(timeline.rows).toHaveLength(25);
      const second = (await open(`/inspections/${INSPECTION}?page=2`)).table('Timeline of this inspection (').rows;
      const days = [...timeline.rows, ...second].map((row) => dayOf(row[1]));
      expect(days).toEqual([...days].sort());
      expect(timeline.rows[0][0]).toMatch(/^Inspection: Progress to introduce/);
      expect(timeline.rows.every((row) => /^\d+ \w+ \d{4}, \d\d:\d\d/.test(row[2]))).toBe(true);
      // The response's steps are entries too, with both times.
      const published = [...timeline.rows, ...second].find((row) => row[0].startsWith('Statutory response') && /published/i.test(row[4]));
      expect(published?.slice(1, 3)).toEqual([expect.stringMatching(/^23 October 2024/), expect.stringMatching(/^\d+ \w+ 2024, \d\d:\d\d/)]);
    });

    it('is a 404 page when nothing is registered under the id', async () => {
      const page = await open('/inspections/no-such-inspection', 404);
      expect(page.title()).toBe('Page not found – PFCC accountability ledger');
      expect(page.text()).toContain('The register has no inspection with the id no-such-inspection');
      expect((await open('/inspections/%3Cscript%3E', 404)).html).toContain('<code>&lt;script&gt;</code>');
    });
  });

  describe('a recommendation', () => {
    it('shows the text, where it stands, the commitment on whose behalf, original and current target dates, and every revision with reason, requester and approver', async () => {
      const page = await open(`/recommendations/${ID.rec03}`);
      expectHeadingsInOrder(page);
      expect(HtmlPage.text(page.one((element) => element.name === 'h1'))).toBe('REC 03');
      expect(page.text()).toContain('all forces should make sure personnel working on rape and other serious sexual offences');
      const summary = page.summary();
      expect(summary).toMatchObject({
        Status: 'Closed',
        Decision: 'Accepted',
        Owner: `${OWNERS.rec03}, Cumbria Constabulary`,
        'Original target date': '31 January 2025',
        'Current target date': '30 April 2025 Moved 1 time, 89 days later than first set',
        "Overdue against the inspectorate's due date": 'Not overdue',
        'Overdue against the current target date': 'Not overdue',
        RAG: 'Not rated',
        Closed: '6 May 2025',
      });
      expect(summary.Commitment).toMatch(/^“Cumbria Constabulary will have all detectives .*” Committed 24 September 2024 by Office Caseworker, office, Cumbria OPFCC on behalf of Chief Constable, Chief Constable, Cumbria Constabulary, to be done by 31 January 2025 Recorded 25 September 2024, 11:00$/);
      // RAG is judged against both dates, and both are shown.
      expect((await open(`/recommendations/${ID.rec11}`)).summary().RAG).toBe("Red Against the inspectorate's due date: Red; against the current target date: Amber");

      const revisions = page.table('Every request to change the target date of REC 03');
      expect(revisions.headers).toEqual(['Requested', 'From', 'To', 'Reason', 'Requested by', 'Decision']);
      expect(revisions.rows).toEqual([
        [
          '6 January 2025, 10:00 Recorded 6 January 2025, 10:00',
          '31 January 2025',
          '30 April 2025 89 days later',
          'College of Policing RSDPIP course places for 14 detectives are not available until March 2025',
          'Head of Public Protection, force-lead, Cumbria Constabulary',
          'Approved by Performance Lead, office, Cumbria OPFCC, 8 January 2025, 10:00; recorded 8 January 2025, 10:00 “Agreed; report progress monthly”',
        ],
      ]);
      const commitments = page.table('Who committed to what, and whether it was kept').rows;
      expect(commitments.map((row) => [row[3], row[4]])).toEqual([
        ['31 January 2025', 'Date revised'],
        ['30 April 2025', 'Kept'],
      ]);
    });

    it('shows the full timeline: who, role, organisation, on behalf of, when it happened and when it was recorded, what changed', async () => {
      const page = await open(`/recommendations/${ID.rec03}`);
      const timeline = page.table('Timeline of REC 03 (11 entries)');
      expect(timeline.headers).toEqual(['Happened', 'Recorded', 'Who', 'What changed']);
      expect(page.text()).toContain('Everything recorded about REC 03, in the order things happened (entries of the same moment in the order they were recorded), each with when it happened and when it was recorded.');
      expect(timeline.rows[1]).toEqual([
        '24 September 2024, 15:00',
        '25 September 2024, 11:00',
        `Office Caseworker, office, Cumbria OPFCC on behalf of ${CHIEF_CONSTABLE.name}, ${CHIEF_CONSTABLE.role}, ${CHIEF_CONSTABLE.organisation}`,
        expect.stringMatching(/^Accepted; commitment: "Cumbria Constabulary will have all detectives .* Status: Issued → Accepted Recorded through the API$/),
      ]);
      expect(timeline.rows.map((row) => row[3].replace(/( Status: .*)? Recorded through .*$/, '').split(/[;:]/)[0])).toEqual([
        'REC 03 issued (recommendation), inspectorate due date 2025-01-31',
        'Accepted',
        'Target date set',
        'Owner assigned',
        'Work started',
        'Change of target date from 2025-01-31 to 2025-04-30 requested by Head of Public Protection (force-lead)',
        'Target date moved from 2025-01-31 to 2025-04-30, requested by Head of Public Protection (force-lead) and approved by Performance Lead (office)',
        'Evidence submitted',
        'Marked complete',
        'Completion verified by Assurance Lead (verifier), marked complete by Head of Public Protection (force-lead)',
        "Closed with the PFCC's sign-off",
      ]);
    });

    it('shows a correction next to the entry it corrects, which stays as it was recorded', async () => {
      const page = await open(`/recommendations/${ID.rec09}`);
      const corrected = HtmlPage.text(page.byId(`entry-${ledger.year.correctedProgressEventId}`));
      expect(corrected).toContain('Retention application process drafted; awaiting legal review');
      expect(corrected).toContain('60%');
      expect(corrected).toMatch(/Corrected Correction recorded 6 December 2024, 09:00 by Head of Public Protection: Correction of an earlier entry .*Percent complete was 40, not 60; reason: Typing error in the progress report See the correction$/);
      expect(page.html).toContain(`<a class="govuk-link govuk-body-s" href="#entry-${ledger.year.correctionEventId}">See the correction</a>`);
      const correction = HtmlPage.text(page.byId(`entry-${ledger.year.correctionEventId}`));
      expect(correction).toContain('See the entry this corrects');
      expect(page.html).toContain(`<a class="govuk-link govuk-body-s" href="#entry-${ledger.year.correctedProgressEventId}">See the entry this corrects</a>`);
    });

    it('shows text from the ledger as text: markup in a finding, its sub-items or an inspection title never runs', async () => {
      const page = await open(`/recommendations/${ledger.hostile.recommendationId}`);
      expect(page.html).not.toContain('<script>alert');
      expect(page.html).not.toContain('<img src=x');
      expect(page.html).toContain('&lt;script&gt;alert(&quot;finding&quot;)&lt;/script&gt; Review &lt;b&gt;every&lt;/b&gt; case file');
      expect(page.html).toContain('<li>&lt;img src=x onerror=alert(1)&gt;</li>');
      expect(page.html).toContain('Fire &lt;em&gt;safety&lt;/em&gt; &amp; &quot;protection&quot; inspection');
      expect(page.text()).toContain(SCRIPT_TEXT);
      expect(page.summary()).toMatchObject({ Status: 'Issued', Decision: 'Not yet decided', Owner: 'Not assigned', 'Overdue against the current target date': 'No target date', RAG: 'Not rated' });

      const inspection = await open(`/inspections/${ledger.hostile.inspectionId}`);
      expect(inspection.html).toContain('<p class="govuk-body">Key <strong>finding</strong></p>');
      expect(inspection.html).not.toContain('steal()');
      expect(inspection.html).toContain('<a class="govuk-link" href="https://hmicfrs.justiceinspectorates.gov.uk/fire-protection-2025" rel="noreferrer">');
      expect(inspection.html).toContain('<title>Fire &lt;em&gt;safety&lt;/em&gt; &amp; &quot;protection&quot; inspection – PFCC accountability ledger</title>');
      expect(inspection.text()).toContain('Published action plan');
    });

    it('is a 404 page for an unknown id', async () => {
      const page = await open('/recommendations/no-such-finding', 404);
      expect(page.text()).toContain('The register has no recommendation with the id no-such-finding');
      expect(page.html).toContain('<a class="govuk-link" href="/register">Go to the register</a>');
    });
  });

  describe('since the last meeting, and as at a meeting date', () => {
    it('shows what changed between two dates: each finding with its status before and after, and every entry', async () => {
      const page = await open(`/changes?from=2025-03-01&to=2025-03-31&inspectionId=${INSPECTION}`);
      expect(page.title()).toBe('What changed between two dates – PFCC accountability ledger');
      expect(page.table('status at the start and at the end').rows.map(([reference, , before, after, entries]) => [reference, before, after, entries])).toEqual([
        ['REC 05', 'In progress', 'In progress', '1'],
        ['REC 07', 'Closed', 'Closed', '1'],
        ['REC 09', 'In progress', 'Verified', '3'],
        ['REC 11', 'In progress', 'In progress', '2'],
      ]);
      expect(page.text()).toContain('Shown as it stood: by the date things happened, using everything recorded to date (the default).');
      const entries = page.table('Entries in the order things happened').rows;
      expect(entries).toHaveLength(8);
      expect(entries[3]).toEqual(['Scrutiny challenge about REC 05', '19 March 2025, 10:00', '19 March 2025, 10:00', 'Office Caseworker, office, Cumbria OPFCC', expect.stringContaining('Repeat suspects are flagged')]);
      expect(page.html).toContain('<option value="occurred" selected>As it stood: by the date things happened, using everything recorded to date</option>');
    });

    it('compares by when things happened unless asked for when they were recorded: a decision taken at a meeting and typed in the next day', async () => {
      const recorded = await open('/changes?from=2024-09-24&to=2024-09-24&basis=recorded');
      expect(recorded.text()).toContain('No finding changed in this period.');
      expect(recorded.text()).toContain('Shown as the ledger showed it: by the date entries were recorded.');
      const occurred = await open('/changes?from=2024-09-24&to=2024-09-24');
      expect(occurred.table('status at the start and at the end').rows.map((row) => [row[0], row[2], row[3]])).toEqual([
        ['REC 03', 'Issued', 'Accepted'],
        ['REC 05', 'Issued', 'Accepted'],
        ['REC 07', 'Issued', 'Accepted'],
        ['REC 09', 'Issued', 'Accepted'],
        ['REC 11', 'Issued', 'Partially accepted'],
      ]);
    });

    it('asks for both days, and answers dates it cannot use with 400 naming the field', async () => {
      const blank = await open('/changes');
      expect(blank.errorSummary()).toEqual([]);
      expect(blank.html).not.toContain('Findings that changed');

      expect((await open('/changes?from=2025-03-01', 400)).errorSummary()).toEqual([{ href: '#to-day', text: 'Enter the last day as a real date' }]);
      expect((await open('/changes?from=2025-02-30&to=2025-03-01', 400)).errorSummary()).toEqual([{ href: '#from-day', text: 'Enter the first day as a real date' }]);
      const backwards = await open('/changes?from=2025-03-31&to=2025-03-01', 400);
      expect(backwards.errorSummary()).toEqual([{ href: '#to-day', text: 'The last day must be the same as or after the first day' }]);
      // The days as asked, in the boxes of each date.
      expect(['day', 'month', 'year'].map((part) => backwards.byId(`from-${part}`).attribs.value)).toEqual(['31', '3', '2025']);
      expect(['day', 'month', 'year'].map((part) => backwards.byId(`to-${part}`).attribs.value)).toEqual(['1', '3', '2025']);
    });

    it('shows every finding as it stood at the end of a day, with overdue as it was that day', async () => {
      // Decided at the meeting of 24 September and recorded the next day: as it stood (the default), they count that day.
      const meetingDay = await open('/as-at?date=2024-09-24');
      expect(HtmlPage.text(meetingDay.one((element) => element.name === 'h1'))).toBe('The register as at 24 September 2024');
      expect(meetingDay.text()).toContain('Shown as it stood: by the date things happened, using everything recorded to date (the default).');
      expect(meetingDay.table('national operating model').rows.map((row) => row[2])).toEqual(['Accepted', 'Accepted', 'Accepted', 'Accepted', 'Partially accepted']);
      const beforeDecisions = await open('/as-at?date=2024-09-24&basis=recorded');
      expect(beforeDecisions.text()).toContain('Shown as the ledger showed it: by the date entries were recorded.');
      expect(beforeDecisions.table('national operating model').rows.map((row) => [row[0], row[2]])).toEqual([
        ['REC 03', 'Issued'],
        ['REC 05', 'Issued'],
        ['REC 07', 'Issued'],
        ['REC 09', 'Issued'],
        ['REC 11', 'Issued'],
      ]);

      const february = await open('/as-at?date=2025-02-01');
      expect(february.title()).toBe('The register as at 1 February 2025 – PFCC accountability ledger');
      expect(february.table('national operating model').rows.map((row) => [row[0], row[2], row[4], row[5]])).toEqual([
        // Inside its moved target date, but past the inspectorate's 31 January.
        ['REC 03', 'In progress', '31 January 2025 1 day overdue', '30 April 2025 Due in 88 days'],
        // Waiting on the national definition until March.
        ['REC 05', 'In progress Blocked: waiting on a dependency', '31 July 2025 Due in 180 days', '31 July 2025 Due in 180 days'],
        ['REC 07', 'Awaiting verification', '31 January 2025 Not overdue', '31 January 2025 Not overdue'],
        ['REC 09', 'In progress', '31 January 2025 1 day overdue', '31 January 2025 1 day overdue'],
        ['REC 11', 'In progress', '31 March 2025 Due in 58 days', '31 March 2025 Due in 58 days'],
      ]);
      expect(february.text()).not.toContain('AFI 1');

      expect((await open('/as-at?date=yesterday', 400)).errorSummary()).toEqual([{ href: '#date-day', text: 'Enter the date as a real date' }]);
      // The form asks the date as GOV.UK does, day, month and year; its answer is the same register.
      const typed = await open('/as-at?date-day=1&date-month=2&date-year=2025');
      expect(typed.table('Progress to introduce a national operating model').rows).toEqual(february.table('Progress to introduce a national operating model').rows);
      expect(['day', 'month', 'year'].map((part) => typed.byId(`date-${part}`).attribs.value)).toEqual(['1', '2', '2025']);
      const impossible = await open('/as-at?date-day=31&date-month=2&date-year=2025', 400);
      expect(impossible.errorSummary()).toEqual([{ href: '#date-day', text: 'Date must be a real date' }]);
      expect(['day', 'month', 'year'].map((part) => impossible.classesOf(`date-${part}`).includes('govuk-input--error'))).toEqual([true, true, true]);
      const typedInOneBox = await open('/as-at?date-day=31%2F01%2F2025&date-month=&date-year=', 400);
      expect(typedInOneBox.errorSummary()).toEqual([{ href: '#date-month', text: 'Date must include a month and year' }]);
      expect(['day', 'month', 'year'].map((part) => typedInOneBox.classesOf(`date-${part}`).includes('govuk-input--error'))).toEqual([false, true, true]);
    });
  });

  describe('commitments, slippage, statutory responses, challenges and the dashboard', () => {
    it('shows who committed to what and whether it was kept', async () => {
      const missed = await open('/commitments?outcome=missed');
      expect(missed.table('Commitments, the earliest date first').rows.map((row) => [row[0], row[4], row[5]])).toEqual([
        ['REC 09', '31 January 2025', 'Missed 42 days late'],
        ['REC 05', '31 July 2025', 'Missed 22 days late'],
      ]);
      // Each commitment shows when it was made and when it was recorded.
      expect(missed.table('Commitments, the earliest date first').rows.map((row) => row[3])).toEqual([expect.stringMatching(/^\d+ \w+ 2024(, \d\d:\d\d)? Recorded \d+ \w+ 2024, \d\d:\d\d/), expect.stringMatching(/ Recorded /)]);
      expect((await open('/commitments?outcome=broken', 400)).errorSummary()).toEqual([{ href: '#outcome', text: 'Select an outcome from the list' }]);
    });

    it('shows original and current target dates and every request, approved or refused, with reason, requester and approver', async () => {
      const page = await open('/slippage');
      expect(page.table('Original and current target dates').rows.map((row) => row.slice(0, 5))).toEqual([
        ['REC 03', '31 January 2025', '30 April 2025', '89 days', '1'],
        ['REC 05', '31 July 2025', '31 July 2025', 'Not moved', '0'],
        ['REC 07', '31 January 2025', '31 January 2025', 'Not moved', '0'],
        ['REC 09', '31 January 2025', '31 January 2025', 'Not moved', '0'],
        ['REC 11', '31 March 2025', '30 September 2025', '183 days', '1'],
      ]);
      const refused = page.table('Every request for the findings above').rows.find((row) => row[0] === 'REC 05');
      expect(refused).toEqual([
        'REC 05',
        '20 June 2025, 10:00 Recorded 20 June 2025, 10:00',
        '31 July 2025',
        '31 October 2025 92 days later',
        'The new processes need a further quarter to embed',
        'Head of Public Protection, force-lead, Cumbria Constabulary',
        'Refused by Performance Lead, office, Cumbria OPFCC, 25 June 2025, 10:00; recorded 25 June 2025, 10:00 “The inspectorate\'s date stands; escalate resourcing instead”',
      ]);
    });

    it('shows whether each statutory response was published on time', async () => {
      const page = await open('/statutory-responses');
      const rows = page.table('Statutory responses and action plans').rows;
      expect(rows).toContainEqual([
        expect.stringContaining('national operating model'),
        '22 August 2024',
        '16 October 2024',
        '23 October 2024',
        'Published on day 63 of 56',
        'Published late 7 days late',
        'HMICFRS: 24 October 2024 Home Secretary: 25 October 2024',
      ]);
      expect((await open('/statutory-responses?state=published-on-time')).text()).toContain('No responses match.');
    });

    it('lists the open scrutiny challenges, with an overdue answer said in words', async () => {
      const page = await open('/challenges');
      const rows = page.table('Open scrutiny challenges').rows;
      expect(rows.map((row) => [row[1], row[2], row[4]])).toEqual([
        ['REC 05', '12 March 2025', 'Answered'],
        ['REC 05', '13 August 2025', 'Answer 9 days overdue'],
      ]);
      expect(rows[1][0]).toContain('Will the repeat suspect processes be in place');
      // Each challenge and each answer shows when it was recorded, beside the meeting and the day answered.
      expect(rows.every((row) => /; raised by .+; recorded \d{1,2} \w+ 2025, \d\d:\d\d/.test(row[0]))).toBe(true);
      expect(rows[0][3]).toMatch(/\(\d{1,2} \w+ 2025, .+; recorded \d{1,2} \w+ 2025, \d\d:\d\d\)/);
      const all = await open('/challenges?status=all');
      expect(all.table('Open and closed scrutiny challenges').rows).toHaveLength(3);
    });

    it('counts findings by status, RAG, overdue and blocked, with links to the findings behind each count', async () => {
      const page = await open('/dashboard');
      expect(page.table('Findings at a glance').rows).toEqual([
        ['All findings', '6'],
        ['Open', '4'],
        ['Overdue', '2'],
        ['Blocked: waiting on a dependency', '0'],
        ['Target date change awaiting a decision', '0'],
      ]);
      expect(page.table('Findings by status').rows.filter((row) => row[1] !== '0')).toEqual([
        ['Issued', '1'],
        ['In progress', '2'],
        ['Verified', '1'],
        ['Closed', '2'],
      ]);
      expect(page.html).toContain('<a class="govuk-link" href="/register?overdue=true">2</a>');
      expect(page.table('Statutory responses').rows).toContainEqual(['Published late', '1']);
      const police = await open('/dashboard?service=police');
      expect(police.table('Findings at a glance').rows[0]).toEqual(['All findings', '5']);
      expect(police.html).toContain('<a class="govuk-link" href="/register?service=police&amp;status=InProgress">2</a>');
    });
  });

  describe('the meeting pack', () => {
    it('gathers each inspection for a meeting date, a page per inspection when printed, with no navigation in print', async () => {
      const page = await open('/pack?date=2025-07-16');
      expect(page.title()).toBe('Meeting pack for 16 July 2025 – PFCC accountability ledger');
      expectHeadingsInOrder(page);
      const sections = page.all((element) => element.name === 'section' && element.attribs.class === 'ledger-pack__inspection');
      expect(page.text()).toContain('Shown as it stood: by the date things happened, using everything recorded to date (the default).');
      // The fire report was published on 2 June 2025 and registered by hand after the meeting: as it stood
      // on the meeting day it is in the pack; as the ledger showed it that day, it is not.
      expect(sections.map((section) => section.attribs.id).sort()).toEqual([`inspection-${INSPECTION}`, `inspection-${ledger.hostile.inspectionId}`].sort());
      const shownThen = await open('/pack?date=2025-07-16&basis=recorded');
      expect(shownThen.all((element) => element.name === 'section' && element.attribs.class === 'ledger-pack__inspection').map((section) => section.attribs.id)).toEqual([`inspection-${INSPECTION}`]);
      // The rest of the pack, for the police inspection.
      const pack = await open(`/pack?date=2025-07-16&inspection=${INSPECTION}`);
      const findings = pack.table('Findings of this inspection at the end of the meeting day').rows;
      expect(findings.map((row) => [row[0], row[4], row[5]])).toEqual([
        ['REC 03', '31 January 2025 Not overdue', '30 April 2025 Not overdue'],
        ['REC 05', '31 July 2025 Due in 15 days', '31 July 2025 Due in 15 days'],
        ['REC 07', '31 January 2025 Not overdue', '31 January 2025 Not overdue'],
        ['REC 09', '31 January 2025 Not overdue', '31 January 2025 Not overdue'],
        ['REC 11', '31 March 2025 107 days overdue', '30 September 2025 Due in 76 days'],
      ]);
      // Each finding in full, never cut short, with its commitment and its latest progress as at the meeting day.
      expect(pack.html).not.toContain('…');
      const cut = (await open('/register')).table('Progress to introduce a national operating model').rows.filter((row) => row[1].includes('…'));
      expect(cut.length).toBeGreaterThan(0);
      for (const [reference, text] of cut) {
        const full = findings.find((row) => row[0] === reference)![1];
        expect(full.startsWith(text.slice(0, text.indexOf('…')))).toBe(true);
        expect(full.length).toBeGreaterThan(text.length);
      }
      const delivery = pack.table('What was committed to, and the latest progress reported').rows;
      expect(delivery.map((row) => row[0])).toEqual(['REC 03', 'REC 05', 'REC 07', 'REC 09', 'REC 11']);
      expect(delivery[0][1]).toMatch(
        /^“Cumbria Constabulary will have all detectives .*” Committed 24 September 2024 by Office Caseworker, office, Cumbria OPFCC on behalf of Chief Constable, Chief Constable, Cumbria Constabulary, to be done by 31 January 2025 Recorded 25 September 2024, 11:00$/,
      );
      expect(delivery[1][1]).toContain('Once the national definition has been received');
      expect(delivery.every((row) => /^(None reported|.+ Reported \d{1,2} \w+ 20\d\d.*; owner's own RAG: (red|amber|green))$/.test(row[2]))).toBe(true);
      expect(delivery.some((row) => row[2] !== 'None reported')).toBe(true);
      expect(pack.summary()).toMatchObject({ 'Day number': 'Published on day 63 of 56', 'Copy to HMICFRS': 'Sent 24 October 2024' });
      expect(pack.table('Challenges still open').rows).toHaveLength(2);
      expect(pack.html).toContain('<link rel="stylesheet" href="/ledger/reading.css">');

      const css = await ledger.http().get('/ledger/reading.css').expect(200).expect('Content-Type', 'text/css; charset=utf-8');
      const print = css.text.slice(css.text.indexOf('@media print'));
      expect(print).toMatch(/\.govuk-template__header,[\s\S]*\.ledger-reading-nav,[\s\S]*display: none !important/);
      expect(print).toMatch(/\.ledger-pack__inspection \+ \.ledger-pack__inspection \{\s*break-before: page;/);
    });

    it('shows the findings as they stood on the meeting day by default, or as the ledger showed them that day', async () => {
      const statuses = (page: HtmlPage) => page.table('Findings of this inspection at the end of the meeting day').rows.map((row) => row[2]);
      // Decided at the meeting of 24 September, typed in the next morning.
      expect(statuses(await open('/pack?date=2024-09-24'))).toEqual(['Accepted', 'Accepted', 'Accepted', 'Accepted', 'Partially accepted']);
      const shown = await open('/pack?date=2024-09-24&basis=recorded');
      expect(shown.text()).toContain('Shown as the ledger showed it: by the date entries were recorded.');
      expect(statuses(shown)).toEqual(['Issued', 'Issued', 'Issued', 'Issued', 'Issued']);
    });

    it('stands every section as at the meeting day: the statutory response, the changes of target date and the open challenges as they then were', async () => {
      // 20 October 2024: the commissioner had commented (18 October); the response was published on 23 October, a copy sent on the 24th.
      const october = await open('/pack?date=2024-10-20');
      expect(october.text()).toContain('Every section stands as at the end of 20 October 2024');
      expect(october.summary()).toMatchObject({
        "Commissioner's comments": '18 October 2024',
        'Response published': 'Not published',
        'Day number': 'Day 60 of 56 on 20 October 2024',
        'On time': 'No, late',
        'Copy to HMICFRS': 'Not recorded',
      });
      // No target date had been asked to move, and the conference's challenge was raised on 14 November.
      expect(october.text()).toContain('No target date has been asked to change.');
      expect(() => october.table('Challenges still open')).toThrow('No table captioned');

      // 1 December 2024: the challenge was answered on 20 November and closed only on 5 December.
      const december = await open('/pack?date=2024-12-01');
      expect(december.summary()).toMatchObject({ 'Response published': '23 October 2024', 'Day number': 'Published on day 63 of 56', 'Copy to HMICFRS': 'Sent 24 October 2024' });
      const open1 = december.table('Challenges still open').rows;
      expect(open1).toHaveLength(1);
      expect(open1[0][0]).toContain('Why was the response to the RASSO inspection published after the 56 days?');
      expect(open1[0][3]).toContain('20 November 2024');
      expect(open1[0][3]).not.toContain('Outcome');

      // 10 January 2025: REC 03's change, asked for on 6 January and approved on 8 January; REC 11's (March) and REC 05's (June) not yet asked.
      const january = await open('/pack?date=2025-01-10');
      const revisions = january.table('Every request to change a target date, with its decision').rows;
      expect(revisions.map((row) => row[0])).toEqual(['REC 03']);
      // 22 June 2025: REC 05's change was asked for on 20 June and refused only on 25 June.
      const june = (await open('/pack?date=2025-06-22')).table('Every request to change a target date, with its decision').rows;
      expect(june.map((row) => row[0]).sort()).toEqual(['REC 03', 'REC 05', 'REC 11']);
      expect(june.find((row) => row[0] === 'REC 05')!.at(-1)).toContain('Awaiting decision');
      expect((await open('/pack?date=2025-07-16')).table('Every request to change a target date, with its decision').rows.find((row) => row[0] === 'REC 05')!.at(-1)).toContain('Refused');
    });

    it('takes one inspection, and answers an unknown one with 404 and a bad date with 400', async () => {
      const page = await open(`/pack?date=2025-08-22&inspection=${ledger.hostile.inspectionId}`);
      const sections = page.all((element) => element.name === 'section' && element.attribs.class === 'ledger-pack__inspection');
      expect(sections.map((section) => section.attribs.id)).toEqual([`inspection-${ledger.hostile.inspectionId}`]);
      expect(page.text()).toContain('Published action plan');
      await open('/pack?date=2025-08-22&inspection=nothing-here', 404);
      expect((await open('/pack?date=2025-13-01', 400)).errorSummary()).toEqual([{ href: '#date-day', text: 'Enter the meeting date as a real date' }]);
      expect((await open('/pack')).errorSummary()).toEqual([]);
    });
  });

  it('gives every reading page the skip link, the navigation between the reading pages and the current one marked', async () => {
    for (const path of ['/dashboard', '/register', '/changes', '/as-at', '/commitments', '/slippage', '/statutory-responses', '/challenges', '/pack']) {
      const page = await open(path);
      expect(page.html).toContain('<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>');
      expect(page.html).toContain('<nav class="ledger-reading-nav" aria-label="Reading the ledger">');
      expect(page.html).toContain(`href="${path}" aria-current="page"`);
      expectHeadingsInOrder(page);
    }
  });

  it('marks in the service navigation the section actually shown, and none for a page outside them', async () => {
    const marked = async (path: string) => (await open(path)).all((element) => element.attribs.class?.includes('govuk-service-navigation__item--active') === true).map((item) => HtmlPage.text(item));
    expect(await marked('/dashboard')).toEqual(['Dashboard']);
    expect(await marked('/register')).toEqual(['Register']);
    expect(await marked(`/inspections/${INSPECTION}`)).toEqual(['Register']);
    expect(await marked(`/recommendations/${ID.rec05}`)).toEqual(['Register']);
    for (const path of ['/changes', '/as-at', '/commitments', '/slippage', '/statutory-responses', '/challenges', '/pack']) expect({ path, marked: await marked(path) }).toEqual({ path, marked: [] });
  });

  it('writes its summaries as sentences on every reading page: no ".;", ".," or stray ".."', async () => {
    const pages = [
      '/',
      '/dashboard',
      '/register',
      `/inspections/${INSPECTION}`,
      ...Object.values(ID).map((id) => `/recommendations/${id}`),
      '/changes?from=2024-08-01&to=2025-08-22',
      '/as-at?date=2025-02-12',
      '/commitments',
      '/slippage',
      '/statutory-responses',
      '/challenges?status=all',
      '/pack?date=2025-08-22',
    ];
    for (const path of pages) {
      const text = (await open(path)).text();
      expect({ path, stray: text.match(/.{0,40}(\.[;,]|[^.]\.\.(?!\.)).{0,20}/g) }).toEqual({ path, stray: null });
    }
  });

  it('links every page from the home page', async () => {
    const home = await open('/');
    const links = home.all((element) => element.name === 'a', home.main().children).map((link) => link.attribs.href);
    const everyPage = ['/dashboard', '/register', '/changes', '/as-at', '/commitments', '/slippage', '/statutory-responses', '/challenges', '/pack', '/import', '/register-an-inspection', '/exports', '/calendar', '/public-register/settings', '/public', '/api/docs'];
    for (const path of everyPage) {
      expect({ path, linked: links.includes(path) }).toEqual({ path, linked: true });
    }
    // The administrator also finds the people who may sign in.
    const asAdmin = new HtmlPage((await ledger.http().get('/').set('Cookie', 'ledger_acting_as=ledger-admin').expect(200)).text);
    expect(asAdmin.all((element) => element.name === 'a', asAdmin.main().children).map((link) => link.attribs.href)).toContain('/people');
  });
});
