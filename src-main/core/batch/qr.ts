/**
 * Dossier codes from QR codes on a page (the one-stop-shop receipt carries one). zxing-wasm's
 * reader is loaded from node_modules' own .wasm file: nothing is fetched at run time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { parseDossierCode } from '../../domain/index.js';

let ready: Promise<unknown> | undefined;

function loadReader(): Promise<unknown> {
  if (!ready) {
    const wasm = readFileSync(
      createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'),
    );
    ready = prepareZXingModule({
      overrides: {
        wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
      },
      fireImmediately: true,
    });
  }
  return ready;
}

/**
 * The first QR code on the page whose text is a dossier code (official or provisional), or
 * undefined. Other QR codes (addresses, links printed on forms) are content, not separators.
 */
export async function dossierCodeOnPage(image: Uint8Array): Promise<string | undefined> {
  await loadReader();
  const { data, info } = await sharp(image)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const found = await readBarcodes(
    {
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
      width: info.width,
      height: info.height,
      colorSpace: 'srgb',
    },
    { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 4 },
  );
  for (const symbol of found) {
    const text = symbol.text.trim();
    if (symbol.isValid && parseDossierCode(text)) return text;
  }
  return undefined;
}
