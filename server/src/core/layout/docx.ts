/**
 * The layout as a Word document (.docx), written with the `docx` library: bytes out, no I/O, so the CLI
 * and the language server share it and only write the result.
 *
 * `gb`: A4, margins 天头 37 mm and 订口 28 mm around a 156 mm × 225 mm text block, and a document grid of
 * 22 lines × 28 characters (w:docGrid linesAndChars), so the page holds its layout whatever fonts the
 * reader has. Styles: Title 2号 小标宋 centred; Normal 3号 仿宋 with a two-character first-line indent;
 * Heading 1 (一、) 黑体, Heading 2 (（一）) 楷体; 出席/请假/列席 labels 黑体 with the names aligned after the
 * colon; page numbers `— 1 —` 4号 宋体 at the outside edge (odd pages right, even pages left).
 * `business`: A4, 25 mm margins, Calibri 11 pt, header table, numbered headings and an action table.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import { actionHeaders, statusText } from './html';
import type { ActionRow, Layout, LayoutBlock, LayoutField, LayoutRun } from './model';
import { BUSINESS, BUSINESS_FONTS, GB, GB_FONTS, gbBottomMm, PAGE } from './typesetting';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
/** Run sizes are in half-points. */
const halfPoints = (pt: number) => pt * 2;

/** The grid's line pitch: 225 mm over 22 lines, rounded down so 22 lines always fit. */
const LINE_PITCH = Math.floor((GB.textHeightMm * TWIPS_PER_MM) / GB.linesPerPage);
/** Character pitch minus the font size, in 1/4096 pt: 156 mm over 28 characters of 16 pt. */
const CHAR_SPACE = Math.floor(((GB.textWidthMm * 72) / 25.4 / GB.charsPerLine - GB.bodyPt) * 4096);
/** One character of the grid, in twips (rounded down, so an indent of n characters leaves room for the rest). */
const CHAR = Math.floor((GB.textWidthMm * TWIPS_PER_MM) / GB.charsPerLine);

const font = (names: string[]) => ({ ascii: names[0], hAnsi: names[0], eastAsia: names[0], cs: names[0] });

const STYLE_IDS = {
  label: 'AttendanceLabel',
  heading2Run: 'Heading2Char',
  heading1Run: 'Heading1Char',
};

/**
 * Glyph width in percent. Word narrows the character pitch to the grid's 156 mm / 28 (w:charSpace), but
 * LibreOffice gives a glyph wider than the pitch two cells; at 98 % a 16 pt glyph (15.7 pt) fits one cell,
 * so both keep 28 characters a line.
 */
const GB_GLYPH_SCALE = 98;

function gbStyles() {
  const body = { font: font(GB_FONTS.body), size: halfPoints(GB.bodyPt), scale: GB_GLYPH_SCALE };
  return {
    default: {
      document: { run: body, paragraph: { alignment: AlignmentType.JUSTIFIED } },
      title: {
        // Off the character grid: a 22 pt glyph would take two cells.
        run: {
          font: font(GB_FONTS.title),
          size: halfPoints(GB.titlePt),
          bold: false,
          color: '000000',
          snapToGrid: false,
          scale: 100,
        },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: LINE_PITCH } },
      },
      heading1: {
        run: { font: font(GB_FONTS.hei), size: halfPoints(GB.bodyPt), bold: false, color: '000000' },
        paragraph: { indent: { firstLine: 2 * CHAR }, spacing: { before: 0, after: 0 }, keepNext: true },
      },
      heading2: {
        run: { font: font(GB_FONTS.kai), size: halfPoints(GB.bodyPt), bold: false, color: '000000' },
        paragraph: { indent: { firstLine: 2 * CHAR }, spacing: { before: 0, after: 0 }, keepNext: true },
      },
    },
    paragraphStyles: [
      {
        id: 'Normal',
        name: 'Normal',
        run: body,
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 2 * CHAR } },
      },
      {
        id: 'Attendance',
        name: 'Attendance',
        basedOn: 'Normal',
        // Two characters in, then the label and its colon; wrapped names line up after the colon.
        paragraph: { indent: { left: 5 * CHAR, hanging: 3 * CHAR } },
      },
      {
        id: 'PageNumber',
        name: 'Page Number Line',
        run: {
          font: font(GB_FONTS.pageNumber),
          size: halfPoints(GB.pageNumberPt),
          snapToGrid: false,
          scale: 100,
        },
        paragraph: { indent: { firstLine: 0 } },
      },
    ],
    characterStyles: [
      { id: STYLE_IDS.heading1Run, name: 'Heading 1 Char', run: { font: font(GB_FONTS.hei) } },
      { id: STYLE_IDS.heading2Run, name: 'Heading 2 Char', run: { font: font(GB_FONTS.kai) } },
      { id: STYLE_IDS.label, name: 'Attendance Label', run: { font: font(GB_FONTS.hei) } },
    ],
  };
}

function runOptions(run: LayoutRun): IRunOptions {
  switch (run.style) {
    case 'heading1':
      return { text: run.text, style: STYLE_IDS.heading1Run };
    case 'heading2':
      return { text: run.text, style: STYLE_IDS.heading2Run };
    case 'label':
      return { text: run.text, style: STYLE_IDS.label };
    case 'body':
      return { text: run.text };
  }
}

/** `— 1 —`, 半角 digits, one character in from the outside edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const indent =
    side === 'odd' ? { right: Math.round(GB.pageNumberPt * 20) } : { left: Math.round(GB.pageNumberPt * 20) };
  return new Footer({
    children: [
      new Paragraph({
        style: 'PageNumber',
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: { ...indent, firstLine: 0 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** Title and headings: their styles (Title, Heading 1, Heading 2) carry the look of each layout style. */
function headingParagraph(block: Extract<LayoutBlock, { kind: 'title' | 'heading' }>): Paragraph {
  const heading =
    block.kind === 'title'
      ? HeadingLevel.TITLE
      : block.level === 1
        ? HeadingLevel.HEADING_1
        : HeadingLevel.HEADING_2;
  return new Paragraph({ heading, text: block.text });
}

function gbBlock(block: LayoutBlock): Paragraph[] {
  switch (block.kind) {
    case 'title':
    case 'heading':
      return [headingParagraph(block)];
    case 'paragraph':
      return [new Paragraph({ children: block.runs.map((r) => new TextRun(runOptions(r))) })];
    case 'fields':
      return block.fields.map(
        (f) =>
          new Paragraph({
            children: [new TextRun({ text: `${f.label}：`, style: STYLE_IDS.label }), new TextRun(f.value)],
          }),
      );
    case 'attendance':
      // One blank line between the body and the lists (GB/T 9704-2012 10.3).
      return [
        new Paragraph({}),
        ...block.fields.map(
          (f) =>
            new Paragraph({
              style: 'Attendance',
              children: [new TextRun({ text: `${f.label}：`, style: STYLE_IDS.label }), new TextRun(f.value)],
            }),
        ),
      ];
    case 'actions':
      // Actions are tabled in the business style only; in `gb` they stay paragraphs (never reached).
      return block.rows.map((row) => new Paragraph(row.text));
  }
}

function gbSection(layout: Layout): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: twips(PAGE.widthMm), height: twips(PAGE.heightMm) },
        margin: {
          top: twips(GB.topMm),
          left: twips(GB.leftMm),
          right: twips(PAGE.widthMm) - twips(GB.leftMm) - twips(GB.textWidthMm),
          bottom: twips(gbBottomMm),
          header: twips(15),
          // The number's line starts 7 mm below the text block.
          footer: twips(gbBottomMm - GB.pageNumberGapMm) - Math.round(GB.pageNumberPt * 20 * 1.3),
        },
      },
      grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
    },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children: layout.blocks.flatMap(gbBlock),
  };
}

// ---- business ---------------------------------------------------------------------------------------------

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const CELL_BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };

/** The business text width in twips; table columns are given in twips so every reader keeps them. */
const BUSINESS_WIDTH = twips(PAGE.widthMm - 2 * BUSINESS.marginMm);
const columns = (percents: number[]) => percents.map((p) => Math.floor((BUSINESS_WIDTH * p) / 100));

function cell(text: string, options: { bold?: boolean; shade?: string; width?: number } = {}): TableCell {
  return new TableCell({
    borders: CELL_BORDERS,
    ...(options.width ? { width: { size: options.width, type: WidthType.DXA } } : {}),
    ...(options.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.shade } } : {}),
    margins: { top: 40, bottom: 40, left: 100, right: 100 },
    children: [new Paragraph({ children: [new TextRun({ text, bold: options.bold ?? false })] })],
  });
}

function headerTable(fields: LayoutField[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: fields.map(
      (f) =>
        new TableRow({
          children: [cell(f.label, { bold: true, shade: 'F2F2F2', width: 28 }), cell(f.value)],
        }),
    ),
  });
}

function actionTable(rows: ActionRow[]): Table {
  const headers = actionHeaders('en');
  const widths = columns([6, 47, 18, 16, 13]);
  return new Table({
    width: { size: BUSINESS_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((h, i) => cell(h, { bold: true, shade: 'E7EDF5', width: widths[i] })),
      }),
      ...rows.map(
        (row, i) =>
          new TableRow({
            children: [
              cell(String(i + 1), { width: widths[0] }),
              cell(row.text, { width: widths[1] }),
              cell(row.owners.join(', '), { width: widths[2] }),
              cell(row.due, { width: widths[3] }),
              cell(statusText(row.done, 'en'), { width: widths[4] }),
            ],
          }),
      ),
    ],
  });
}

function businessBlock(block: LayoutBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
    case 'heading':
      return [headingParagraph(block)];
    case 'paragraph':
      return [
        new Paragraph({
          ...(block.bullet ? { bullet: { level: 0 } } : {}),
          children: block.runs.map((r) => new TextRun({ text: r.text, bold: r.style === 'label' })),
        }),
      ];
    case 'fields':
    case 'attendance':
      return [headerTable(block.fields), new Paragraph({})];
    case 'actions':
      return [actionTable(block.rows), new Paragraph({})];
  }
}

function businessSection(layout: Layout): ISectionOptions {
  const margin = twips(BUSINESS.marginMm);
  return {
    properties: {
      page: {
        size: { width: twips(PAGE.widthMm), height: twips(PAGE.heightMm) },
        margin: {
          top: margin,
          bottom: margin,
          left: margin,
          right: margin,
          header: twips(12),
          footer: twips(12),
        },
      },
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [PageNumber.CURRENT] })],
          }),
        ],
      }),
    },
    children: layout.blocks.flatMap(businessBlock),
  };
}

function businessStyles() {
  const body = { font: font(BUSINESS_FONTS.body), size: halfPoints(BUSINESS.bodyPt) };
  const heading = { font: font(BUSINESS_FONTS.body), bold: true, color: '1F3864' };
  return {
    default: {
      document: { run: body, paragraph: { spacing: { after: 120, line: 276 } } },
      title: {
        run: { ...heading, size: halfPoints(BUSINESS.titlePt) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240, line: 320 } },
      },
      heading1: {
        run: { ...heading, size: halfPoints(BUSINESS.headingPt) },
        paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
      },
      heading2: {
        run: { ...heading, size: halfPoints(BUSINESS.bodyPt + 1) },
        paragraph: { spacing: { before: 160, after: 60 }, keepNext: true },
      },
    },
  };
}

/** The layout as the bytes of a .docx file. */
export async function renderDocx(layout: Layout): Promise<Uint8Array> {
  const gb = layout.style === 'gb';
  const document = new Document({
    creator: 'Structured Minutes',
    title: layout.title ?? '',
    styles: gb ? gbStyles() : businessStyles(),
    evenAndOddHeaderAndFooters: gb,
    sections: [gb ? gbSection(layout) : businessSection(layout)],
  });
  return Packer.pack(document, 'uint8array');
}
