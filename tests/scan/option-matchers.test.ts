/**
 * Vendors and locales name sources and modes differently; the matchers must land on the right
 * entry and never confuse ADF with ADF duplex or gray with lineart.
 */
import { describe, expect, it } from 'vitest';
import {
  classifyMode,
  classifySource,
  matchMode,
  matchSource,
} from '../../src-main/scan/sane/option-matchers.js';
import { scanArea } from '../../src-main/scan/sane/scan-area.js';

describe('source matchers', () => {
  it.each([
    [['Flatbed', 'ADF Front', 'ADF Back', 'ADF Duplex'], 'ADF Front', 'ADF Duplex', 'Flatbed'],
    [['Flatbed', 'Automatic Document Feeder'], 'Automatic Document Feeder', undefined, 'Flatbed'],
    [['Document Table', 'ADF', 'ADF Duplex'], 'ADF', 'ADF Duplex', 'Document Table'],
    [
      ['Platen', 'Feeder(left aligned)', 'Feeder(left aligned,Duplex)'],
      'Feeder(left aligned)',
      'Feeder(left aligned,Duplex)',
      'Platen',
    ],
    [
      ['Mặt kính', 'Khay nạp giấy', 'Khay nạp giấy hai mặt'],
      'Khay nạp giấy',
      'Khay nạp giấy hai mặt',
      'Mặt kính',
    ],
  ])('%j', (values, adf, duplex, flatbed) => {
    expect(matchSource(values, 'adf')).toBe(adf);
    expect(matchSource(values, 'adf-duplex')).toBe(duplex);
    expect(matchSource(values, 'flatbed')).toBe(flatbed);
  });

  it('classifies device values for capabilities', () => {
    expect(['Flatbed', 'ADF Front', 'ADF Duplex'].map(classifySource)).toEqual([
      'flatbed',
      'adf',
      'adf-duplex',
    ]);
    expect(classifySource('Transparency Unit')).toBeUndefined();
  });
});

describe('mode matchers', () => {
  it.each([
    [['Lineart', 'Gray', 'Color'], 'Lineart', 'Gray', 'Color'],
    [['Black & White', 'Grayscale', '24bit Color'], 'Black & White', 'Grayscale', '24bit Color'],
    [['Binary', 'Halftone', 'Gray', 'Color'], 'Binary', 'Gray', 'Color'],
    [['Đen trắng', 'Thang xám', 'Màu'], 'Đen trắng', 'Thang xám', 'Màu'],
  ])('%j', (values, lineart, gray, color) => {
    expect(matchMode(values, 'lineart')).toBe(lineart);
    expect(matchMode(values, 'gray')).toBe(gray);
    expect(matchMode(values, 'color')).toBe(color);
  });

  it('classifies device values', () => {
    expect(['Lineart', 'Gray', 'Color'].map(classifyMode)).toEqual(['lineart', 'gray', 'color']);
  });
});

describe('scan area', () => {
  it('fits the paper in the device area, anchored top-left', () => {
    expect(scanArea('A4', { widthMm: 216, heightMm: 356 })).toEqual({
      leftMm: 0,
      topMm: 0,
      widthMm: 210,
      heightMm: 297,
    });
    expect(scanArea('A3', { widthMm: 216, heightMm: 356 })).toEqual({
      leftMm: 0,
      topMm: 0,
      widthMm: 216,
      heightMm: 356,
    });
    expect(scanArea('max', { widthMm: 200, heightMm: 200 })).toEqual({
      leftMm: 0,
      topMm: 0,
      widthMm: 200,
      heightMm: 200,
    });
  });
});
