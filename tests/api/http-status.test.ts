import { describe, expect, it } from 'vitest';
import { httpStatus } from '../../src-main/api/http/status.js';

describe('httpStatus', () => {
  it('maps categories and capability codes that end in a category', () => {
    expect(httpStatus('VALIDATION')).toBe(400);
    expect(httpStatus('NOT_FOUND')).toBe(404);
    expect(httpStatus('SCAN_UNAVAILABLE')).toBe(503);
    expect(httpStatus('DOSSIER_NOT_FOUND')).toBe(404);
  });

  it('treats other codes as server errors', () => {
    expect(httpStatus('INTERNAL')).toBe(500);
    expect(httpStatus('SIGNER_FAILED')).toBe(500);
    expect(httpStatus('UNAVAILABLE_SOON')).toBe(500);
  });
});
