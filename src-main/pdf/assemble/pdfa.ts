/**
 * PDF/A-2b conformance pieces pdf-lib does not write by itself: the XMP metadata packet (with
 * the pdfaid identification and the same title, author, subject, keywords, producer and dates
 * as the Info dictionary, as ISO 19005-2 §6.6 requires) and an sRGB OutputIntent carrying the
 * shipped ICC profile. Fonts are embedded by the assembler for every PDF, PDF/A or not.
 */
import { readFileSync } from 'node:fs';
import { PDFName } from 'pdf-lib';
import type { PDFDocument } from 'pdf-lib';
import { resourcePath } from '../../platform/index.js';
import type { ResolvedMetadata } from './metadata.js';
import { PRODUCER } from './metadata.js';

let srgbProfile: Uint8Array | undefined;

export function addPdfaParts(doc: PDFDocument, meta: ResolvedMetadata): void {
  srgbProfile ??= readFileSync(resourcePath('icc', 'sRGB.icc'));
  const icc = doc.context.register(doc.context.flateStream(srgbProfile, { N: 3 }));
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: 'sRGB IEC61966-2.1',
    Info: 'sRGB IEC61966-2.1',
    DestOutputProfile: icc,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([doc.context.register(intent)]));
  // the metadata stream stays unfiltered so archive tools can read it without a PDF parser
  const xmp = doc.context.stream(new TextEncoder().encode(xmpPacket(meta)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
}

function xmpPacket(meta: ResolvedMetadata): string {
  const esc = (s: string): string =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  // pdf-lib writes Info dates in UTC to the second; XMP must state the same instant
  const date = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;
  const props = [
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    meta.agency
      ? `<dc:creator><rdf:Seq><rdf:li>${esc(meta.agency)}</rdf:li></rdf:Seq></dc:creator>`
      : '',
    meta.subject
      ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(meta.subject)}</rdf:li></rdf:Alt></dc:description>`
      : '',
    meta.keywords.length > 0 ? `<pdf:Keywords>${esc(meta.keywords.join(' '))}</pdf:Keywords>` : '',
    `<pdf:Producer>${PRODUCER}</pdf:Producer>`,
    `<xmp:CreatorTool>${PRODUCER}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date(meta.createdAt)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date(meta.modifiedAt)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date(meta.modifiedAt)}</xmp:MetadataDate>`,
    `<pdfaid:part>2</pdfaid:part>`,
    `<pdfaid:conformance>B</pdfaid:conformance>`,
  ].filter(Boolean);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    ...props,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
