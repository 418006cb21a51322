// "Over dit stuk", the notice for pages that are not a document, and the attachments per
// agendapunt, as the panel shows them.
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Attachments } from '../../../../components/panel/Attachments';
import { DocumentMeta } from '../../../../components/panel/DocumentMeta';
import { DocumentView } from '../../../../components/panel/DocumentView';
import { t } from '../../../../lib/extension/i18n';
import { PackedScanReportSchema } from '../../../../lib/extension/messages/protocol';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { attachmentSections } from '../../../../lib/extension/ui/attachment-groups';
import { fixedChecklist } from '../../support/checklist';
import { sampleReadReport, sampleReport } from '../../support/scan-report';
import { mount } from '../../support/mount';

const rules = loadBuiltinRules();
// The page-kind view never reads the checklist; one that would fail loudly if it did.
const checklist = fixedChecklist();
const rowsOf = (root: HTMLElement) =>
  [...root.querySelectorAll('[data-testid="document-meta"] .meta-row')].map((r) => [r.getAttribute('data-field'), r.querySelector('dd')?.textContent]);

describe('Over dit stuk', () => {
  it('has one row per fact the page states, with the field names checks rely on', () => {
    const root = mount(
      <DocumentMeta
        report={sampleReadReport({
          portal: { portal: 'ibabs', portalLabel: 'iBabs', gemeente: 'Den Haag', title: 'Raadsvoorstel cameratoezicht', documentType: 'raadsvoorstel', meeting: 'Gemeenteraad', date: 'woensdag 1 april 2026', agendaItem: '2. Cameratoezicht' },
        })}
      />,
    );
    expect(rowsOf(root)).toEqual([
      ['gemeente', 'Den Haag'],
      ['portaal', 'iBabs'],
      ['titel', 'Raadsvoorstel cameratoezicht'],
      ['soort', 'raadsvoorstel'],
      ['vergadering', 'Gemeenteraad'],
      ['datum', 'woensdag 1 april 2026'],
      ['agendapunt', '2. Cameratoezicht'],
    ]);
  });

  it('leaves out what the page does not say, and a title that only repeats the meeting', () => {
    const root = mount(<DocumentMeta report={sampleReadReport({ portal: { portal: 'ibabs', portalLabel: 'iBabs', title: 'Raad', meeting: 'Raad', date: '1 april 2026' } })} />);
    expect(rowsOf(root)).toEqual([
      ['portaal', 'iBabs'],
      ['vergadering', 'Raad'],
      ['datum', '1 april 2026'],
    ]);
  });
});

describe('Over dit stuk: dates', () => {
  it('a machine date (Gemeenteblad’s metadata) as a reader writes it, the machine date kept in <time>', () => {
    const root = mount(<DocumentMeta report={sampleReadReport({ portal: { portal: 'officielebekendmakingen', portalLabel: 'Gemeenteblad', gemeente: 'Rheden', date: '2017-06-14' } })} />);
    expect(rowsOf(root).find(([k]) => k === 'datum')).toEqual(['datum', '14 juni 2017']);
    expect(root.querySelector('[data-field="datum"] time')?.getAttribute('datetime')).toBe('2017-06-14');
  });
});

describe('a page that is not a document', () => {
  it('says what the page is and shows no questions, checklist or findings', () => {
    const report = sampleReadReport({ matchCount: 0, page: { kind: 'botcheck', by: 'Anubis' }, portal: { portal: 'gemeenteoplossingen', portalLabel: 'GemeenteOplossingen', gemeente: 'Den Helder' } });
    const root = mount(<DocumentView report={report} rules={rules} checklist={checklist} onShow={() => {}} onNote={() => {}} />);
    const notice = root.querySelector('[data-testid="page-kind"]');
    expect(notice?.getAttribute('data-kind')).toBe('botcheck');
    expect(notice?.textContent).toBe(t('pageBotcheckBy', 'Anubis'));
    expect(root.querySelector('[data-testid="question-card"]')).toBeNull();
    expect(root.querySelector('[data-testid="match-group"]')).toBeNull();
    expect(rowsOf(root)).toEqual([
      ['gemeente', 'Den Helder'],
      ['portaal', 'GemeenteOplossingen'],
    ]);
    for (const kind of ['error', 'empty', 'loading'] as const) {
      const other = mount(<DocumentView report={sampleReadReport({ page: { kind } })} rules={rules} checklist={checklist} onShow={() => {}} onNote={() => {}} />);
      expect(other.querySelector('[data-testid="page-kind"]')?.textContent).toBe(t(({ error: 'pageError', empty: 'pageEmpty', loading: 'pageLoading' } as const)[kind]));
      expect(other.querySelector('[data-testid="verdict"]')).toBeNull();
    }
  });

  it('crosses the protocol with its kind checked', () => {
    expect(PackedScanReportSchema.safeParse(sampleReport({ page: { kind: 'error' } })).success).toBe(true);
    expect(PackedScanReportSchema.safeParse({ ...sampleReport(), page: { kind: 'captcha' } }).success).toBe(false);
    expect(PackedScanReportSchema.safeParse(sampleReport({ attachments: [{ name: 'a', url: 'https://x.nl/a.pdf', group: '2. Punt' }] })).success).toBe(true);
    expect(PackedScanReportSchema.safeParse(sampleReport({ attachments: [{ name: 'a', url: 'https://x.nl/a.pdf', group: 'x'.repeat(301) }] })).success).toBe(false);
  });
});

describe('attachments per agendapunt', () => {
  const attachments = [
    { name: 'Agenda', url: 'https://x.nl/agenda.pdf' },
    { name: 'Raadsvoorstel', url: 'https://x.nl/rv.pdf', group: '2. Cameratoezicht' },
    { name: 'Motie', url: 'https://x.nl/motie.pdf', group: '4. Motie' },
    { name: 'DPIA', url: 'https://x.nl/dpia.pdf', group: '2. Cameratoezicht' },
  ];

  it('splits the list into its agendapunten, in the page’s order', () => {
    const list = attachments.map(({ name, url }) => ({ name, url }));
    expect(attachmentSections(list, { attachments })).toEqual([
      { items: [list[0]] },
      { group: '2. Cameratoezicht', items: [list[1], list[3]] },
      { group: '4. Motie', items: [list[2]] },
    ]);
    expect(attachmentSections(list, null)).toEqual([{ items: list }]);
    expect(attachmentSections(list, { attachments: [{ url: 'https://x.nl/rv.pdf', group: 7 }] })).toEqual([{ items: list }]);
  });

  it('shows a heading per agendapunt, and none where the page does not group', () => {
    const root = mount(<Attachments report={sampleReadReport({ attachments })} rules={rules} pageUrl="https://x.nl/" />);
    const shown = [...root.querySelectorAll('[data-testid="attachment-group"], [data-testid="pdf-doc"]')].map((el) =>
      el.getAttribute('data-testid') === 'pdf-doc' ? el.querySelector('.pdf-name')?.textContent : `# ${el.textContent}`,
    );
    expect(shown).toEqual([`# ${t('attachmentsUngrouped')}`, 'Agenda', '# 2. Cameratoezicht', 'Raadsvoorstel', 'DPIA', '# 4. Motie', 'Motie']);
    const plain = mount(<Attachments report={sampleReadReport({ attachments: attachments.map(({ name, url }) => ({ name, url })) })} rules={rules} pageUrl="https://x.nl/" />);
    expect(plain.querySelectorAll('[data-testid="attachment-group"]')).toHaveLength(0);
    expect(plain.querySelectorAll('[data-testid="pdf-doc"]')).toHaveLength(4);
  });

  it("draws a long list a few rows at a time, each group's heading with its first row, and ends with all", async () => {
    // 500 links (the 1 MB council page's): 60 rows at once, the rest in later tasks.
    const many = Array.from({ length: 500 }, (_, i) => ({ name: `Bijlage ${i + 1}`, url: `https://x.nl/b${i + 1}.pdf`, group: `Punt ${Math.floor(i / 100) + 1}` }));
    const root = mount(<Attachments report={sampleReadReport({ attachments: many })} rules={rules} pageUrl="https://x.nl/" />);
    const rows = () => root.querySelectorAll('[data-testid="pdf-doc"]').length;
    const headings = () => [...root.querySelectorAll('[data-testid="attachment-group"]')].map((h) => h.textContent);
    expect(rows()).toBe(60);
    expect(headings()).toEqual(['Punt 1']);
    expect(root.querySelector('h2')?.textContent).toBe(t('attachmentsHeading', 500));
    for (let i = 0; i < 10 && rows() < 500; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(rows()).toBe(500);
    expect(headings()).toEqual(['Punt 1', 'Punt 2', 'Punt 3', 'Punt 4', 'Punt 5']);
    expect(root.querySelectorAll('[data-testid="pdf-doc"]')[499]?.querySelector('.pdf-name')?.textContent).toBe('Bijlage 500');
  });

  it('gives each list, laid out only near the view, the height of its rows until it is laid out', async () => {
    // Two agendapunten, 3 and 1 rows: each list counts a line a row (PdfScan.css .pdf-list).
    const attachments = [1, 2, 3, 4].map((i) => ({ name: `Bijlage ${i}`, url: `https://x.nl/b${i}.pdf`, group: i < 4 ? 'Punt 1' : 'Punt 2' }));
    const root = mount(<Attachments report={sampleReadReport({ attachments })} rules={rules} pageUrl="https://x.nl/" />);
    const lists = [...root.querySelectorAll<HTMLElement>('.pdf-list')];
    expect(lists.map((l) => [l.querySelectorAll('[data-testid="pdf-doc"]').length, l.style.getPropertyValue('contain-intrinsic-size')])).toEqual([
      [3, 'auto 8.7rem'],
      [1, 'auto 2.9rem'],
    ]);
  });
});
