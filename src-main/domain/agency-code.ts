/**
 * Agency identifiers (mã định danh đơn vị) per QCVN 102:2016/BTTTT, e.g. `000.00.06.H56`:
 * level-3 / level-2 / level-1 unit codes and the province code (a letter and two digits).
 */
export const AGENCY_CODE_PATTERN = /^[0-9A-Z]{2,3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/;

export function isAgencyCode(value: string): boolean {
  return AGENCY_CODE_PATTERN.test(value);
}
