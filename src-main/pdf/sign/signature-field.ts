/**
 * Adds a signature field to the document's object graph: a widget annotation that is also the
 * field (its /V the signature dictionary), listed in the page's /Annots and the AcroForm's
 * /Fields, with /SigFlags 3 (signatures exist, append only). Returns the existing objects it
 * changed, which the incremental update must rewrite.
 */
import type { PDFDocument, PDFPage, PDFRef } from 'pdf-lib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber } from 'pdf-lib';
import { formFields } from '../verify/index.js';
import type { StampAppearance } from './stamp.js';

// Annotation flags Print (4) and Locked (128): the stamp prints and cannot be moved.
const widgetFlags = 132;

/** Appends `ref` to the array `key` of `owner`, rewriting whichever object holds the array. */
function appendToArray(
  doc: PDFDocument,
  owner: PDFDict,
  ownerRef: PDFRef,
  key: string,
  ref: PDFRef,
): PDFRef {
  const name = PDFName.of(key);
  const current = owner.get(name);
  const array = doc.context.lookupMaybe(current, PDFArray);
  if (array && current !== array) {
    array.push(ref);
    return current as PDFRef;
  }
  const updated = array ?? doc.context.obj([]);
  updated.push(ref);
  owner.set(name, updated);
  return ownerRef;
}

function nextFieldName(doc: PDFDocument): string {
  const names = new Set([...formFields(doc)].map((f) => f.name));
  let n = 1;
  while (names.has(`Signature${n}`)) n += 1;
  return `Signature${n}`;
}

export function addSignatureField(
  doc: PDFDocument,
  page: PDFPage,
  signature: PDFRef,
  stamp: StampAppearance | undefined,
): { widget: PDFRef; fieldName: string; changed: PDFRef[] } {
  const { context } = doc;
  const fieldName = nextFieldName(doc);
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFHexString.fromText(fieldName),
      V: signature,
      F: widgetFlags,
      P: page.ref,
      Rect: (stamp?.rect ?? [0, 0, 0, 0]).map((n) => PDFNumber.of(Number(n.toFixed(2)))),
      ...(stamp ? { AP: { N: stamp.appearance } } : {}),
    }),
  );
  const changed = new Set<PDFRef>([appendToArray(doc, page.node, page.ref, 'Annots', widget)]);

  const catalogRef = context.trailerInfo.Root as PDFRef;
  const acroFormEntry = doc.catalog.get(PDFName.of('AcroForm'));
  let acroForm = context.lookupMaybe(acroFormEntry, PDFDict);
  let acroFormRef: PDFRef;
  if (acroForm && acroFormEntry !== acroForm) {
    acroFormRef = acroFormEntry as PDFRef;
  } else {
    // An inline (or missing) AcroForm becomes its own object; the catalog then points at it.
    acroForm = acroForm ?? context.obj({ Fields: [] });
    acroFormRef = context.register(acroForm);
    doc.catalog.set(PDFName.of('AcroForm'), acroFormRef);
    changed.add(catalogRef);
  }
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  changed.add(acroFormRef);
  changed.add(appendToArray(doc, acroForm, acroFormRef, 'Fields', widget));
  return { widget, fieldName, changed: [...changed] };
}
