/** The dossier's components as a radio group, each with its page count; required ones marked. */
import { useScanTexts } from './i18n.js';

export interface ComponentCount {
  MaThanhPhanHoSo: string;
  TenThanhPhanHoSo: string;
  BatBuoc: boolean;
  pages: number;
}

export function ComponentPicker(props: {
  components: readonly ComponentCount[];
  value: string | undefined;
  onChange: (MaThanhPhanHoSo: string) => void;
  disabled: boolean;
}) {
  const t = useScanTexts();
  return (
    <fieldset className="scan-components" disabled={props.disabled}>
      <legend>{t('component')}</legend>
      {props.components.map((c) => (
        <label key={c.MaThanhPhanHoSo} className="scan-component">
          <input
            type="radio"
            name="scan-component"
            value={c.MaThanhPhanHoSo}
            checked={props.value === c.MaThanhPhanHoSo}
            onChange={() => props.onChange(c.MaThanhPhanHoSo)}
          />
          <span className="scan-component-name">
            {c.TenThanhPhanHoSo}
            {c.BatBuoc && <span className="required-mark"> ({t('required')})</span>}
          </span>
          <span
            className="scan-component-count"
            data-component={c.MaThanhPhanHoSo}
            data-pages={c.pages}
          >
            {t('pageCount', { count: c.pages })}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
