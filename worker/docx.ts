/**
 * Word (.docx) documents for printing and filing: 整改通知单, 督导记录. A document is a list of
 * blocks (title, paragraphs, label/value tables, tables, a signature block), written here as
 * WordprocessingML in a zip, with no library and no Node API (decision 012), so it runs on workerd.
 *
 *   return wordDownload(
 *     [docTitle('整改通知单'), docSubtitle('整改〔2026〕第3号'), docParagraph('…'),
 *      docFields([['单位', '第一小学'], ['整改期限', '2026年5月1日']]), docSignature(['某县教育督导室', '2026年4月1日'])],
 *     '整改通知单-第一小学.docx', 'notice.docx',
 *   );
 */

export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; align: 'left' | 'center' | 'right'; indent: boolean; bold: boolean }
  | { kind: 'fields'; rows: readonly (readonly [string, string])[] }
  | {
      kind: 'table';
      header: readonly string[];
      rows: readonly (readonly string[])[];
      widths?: readonly number[];
    }
  | { kind: 'signature'; lines: readonly string[] }
  | { kind: 'spacer' };

/** The document's main title, centred and large. */
export const docTitle = (text: string): DocBlock => ({ kind: 'title', text });
/** A centred line under the title, e.g. the document number. */
export const docSubtitle = (text: string): DocBlock => ({ kind: 'subtitle', text });
/** A section heading (bold). */
export const docHeading = (text: string): DocBlock => ({ kind: 'heading', text });
/** Body text; line breaks in `text` are kept. `indent` indents the first line by two characters. */
export const docParagraph = (
  text: string,
  options: { align?: 'left' | 'center' | 'right'; indent?: boolean; bold?: boolean } = {},
): DocBlock => ({
  kind: 'paragraph',
  text,
  align: options.align ?? 'left',
  indent: options.indent ?? false,
  bold: options.bold ?? false,
});
/** A two-column table of label and value rows (the form part of a notice or record). */
export const docFields = (rows: readonly (readonly [string, string])[]): DocBlock => ({
  kind: 'fields',
  rows,
});
/**
 * A table with a bold header row repeated on every page. `widths` are relative column widths
 * (e.g. [1, 6, 2]); equal columns without them.
 */
export const docTable = (
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths?: readonly number[],
): DocBlock => ({ kind: 'table', header, rows, ...(widths ? { widths } : {}) });
/** Right-aligned lines at the end: the office (盖章) and the date. */
export const docSignature = (lines: readonly string[]): DocBlock => ({ kind: 'signature', lines });
/** An empty line. */
export const docSpacer = (): DocBlock => ({ kind: 'spacer' });

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A download of `blocks` as a .docx with a Chinese file name (RFC 5987) and an ASCII fallback. */
export function wordDownload(blocks: readonly DocBlock[], fileName: string, asciiName: string): Response {
  return new Response(docxBytes(blocks), {
    headers: {
      'content-type': DOCX_TYPE,
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** The .docx file of `blocks`. */
export function docxBytes(blocks: readonly DocBlock[]): Uint8Array {
  const body = blocks.map(blockXml).join('');
  return zipStored([
    { name: '[Content_Types].xml', text: CONTENT_TYPES },
    { name: '_rels/.rels', text: ROOT_RELS },
    { name: 'word/_rels/document.xml.rels', text: DOCUMENT_RELS },
    { name: 'word/styles.xml', text: STYLES },
    { name: 'word/document.xml', text: documentXml(body) },
  ]);
}

// ── WordprocessingML ─────────────────────────────────────────────────────────────────────────

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A4 portrait with 2.54 cm top/bottom and 2.8 cm side margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, side: 1588 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.side;

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOCUMENT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

/** 仿宋 14 pt body (公文 practice), 宋体 in tables; Word substitutes a near font where one is missing. */
const STYLES = `${XML_HEAD}<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`;

function documentXml(body: string): string {
  const sect = `<w:sectPr><w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/><w:pgMar w:top="${PAGE.top}" w:right="${PAGE.side}" w:bottom="${PAGE.bottom}" w:left="${PAGE.side}" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`;
  return `${XML_HEAD}<w:document xmlns:w="${W}"><w:body>${body}${sect}</w:body></w:document>`;
}

/** XML text: markup characters escaped, characters XML 1.0 forbids (control codes) dropped. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

interface RunStyle {
  bold?: boolean;
  /** Half-points (28 = 14 pt). */
  size?: number;
  font?: string;
}

/** A run of text; line breaks become <w:br/>, tabs <w:tab/>. */
function run(text: string, style: RunStyle = {}): string {
  const props = [
    style.font
      ? `<w:rFonts w:ascii="${style.font}" w:hAnsi="${style.font}" w:eastAsia="${style.font}"/>`
      : '',
    style.bold ? '<w:b/><w:bCs/>' : '',
    style.size ? `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` : '',
  ].join('');
  const rPr = props ? `<w:rPr>${props}</w:rPr>` : '';
  const parts = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .split('\t')
        .map((piece) => (piece ? `<w:t xml:space="preserve">${xmlText(piece)}</w:t>` : ''))
        .join('<w:tab/>'),
    );
  return `<w:r>${rPr}${parts.join('<w:br/>')}</w:r>`;
}

interface ParagraphStyle {
  align?: 'left' | 'center' | 'right';
  /** First-line indent of two characters. */
  indent?: boolean;
  /** Space before and after, in twentieths of a point. */
  before?: number;
  after?: number;
  keepNext?: boolean;
}

function paragraph(runs: string, style: ParagraphStyle = {}): string {
  const props = [
    style.keepNext ? '<w:keepNext/>' : '',
    style.before || style.after
      ? `<w:spacing w:before="${style.before ?? 0}" w:after="${style.after ?? 0}"/>`
      : '',
    style.indent ? '<w:ind w:firstLineChars="200" w:firstLine="560"/>' : '',
    style.align && style.align !== 'left' ? `<w:jc w:val="${style.align}"/>` : '',
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
}

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';

function tableXml(
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  options: { headerRow: boolean; boldFirstColumn: boolean },
): string {
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const twips = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const grid = twips.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const body = rows
    .map((cells, r) => {
      const header = options.headerRow && r === 0;
      const trPr = header ? '<w:trPr><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
      const tcs = twips
        .map((w, c) => {
          const bold = header || (options.boldFirstColumn && c === 0);
          const shade = header || (options.boldFirstColumn && c === 0);
          const tcPr = `<w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${shade ? '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>' : ''}<w:vAlign w:val="center"/></w:tcPr>`;
          const text = cells[c] ?? '';
          return `<w:tc>${tcPr}${paragraph(run(text, { bold, size: 24, font: '宋体' }), { align: header ? 'center' : 'left' })}</w:tc>`;
        })
        .join('');
      return `<w:tr>${trPr}${tcs}</w:tr>`;
    })
    .join('');
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} ${BORDER}/>`)
    .join('');
  const tblPr = `<w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>`;
  // A paragraph after a table keeps the next table (or the section end) from merging with it.
  return `<w:tbl>${tblPr}<w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>${paragraph('')}`;
}

function blockXml(block: DocBlock): string {
  switch (block.kind) {
    case 'title':
      return paragraph(run(block.text, { bold: true, size: 40, font: '宋体' }), {
        align: 'center',
        before: 120,
        after: 240,
      });
    case 'subtitle':
      return paragraph(run(block.text), { align: 'center', after: 240 });
    case 'heading':
      return paragraph(run(block.text, { bold: true, font: '黑体' }), {
        before: 160,
        after: 80,
        keepNext: true,
      });
    case 'paragraph':
      return paragraph(run(block.text, { bold: block.bold }), { align: block.align, indent: block.indent });
    case 'fields':
      return block.rows.length === 0
        ? ''
        : tableXml(
            block.rows.map(([label, value]) => [label, value]),
            [2, 7],
            { headerRow: false, boldFirstColumn: true },
          );
    case 'table': {
      const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length));
      const widths =
        block.widths?.length === columns ? block.widths : Array.from({ length: columns }, () => 1);
      return tableXml([block.header, ...block.rows], widths, { headerRow: true, boldFirstColumn: false });
    }
    case 'signature':
      return [paragraph(''), ...block.lines.map((line) => paragraph(run(line), { align: 'right' }))].join('');
    case 'spacer':
      return paragraph('');
  }
}

// ── zip (stored entries: the parts are a few KB of text) ─────────────────────────────────────

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip of uncompressed (stored) entries, as every Office reader accepts. */
export function zipStored(entries: readonly { name: string; text: string }[]): Uint8Array {
  const encoder = new TextEncoder();
  // 1980-01-01 00:00, the earliest DOS time: the files carry no meaningful time.
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const data = encoder.encode(entry.text);
    const crc = crc32(data);
    const local = new Uint8Array(30 + name.length + data.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, 0x0800, true); // UTF-8 names
    l.setUint16(8, 0, true); // stored
    l.setUint16(10, dosTime, true);
    l.setUint16(12, dosDate, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, data.length, true);
    l.setUint16(26, name.length, true);
    l.setUint16(28, 0, true);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, 0, true);
    c.setUint16(12, dosTime, true);
    c.setUint16(14, dosDate, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, data.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
