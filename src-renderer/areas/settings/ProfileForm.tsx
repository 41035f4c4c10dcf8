/** Adds or edits one scan profile (by id) in this station's configuration. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type ApiError, type MethodOutput } from '../../api/index.js';
import { SaveStatus } from './SaveStatus.js';
import type { SaveState } from './use-config-save.js';

type Profile = MethodOutput<'scan.profiles'>['profiles'][number];
const sources = ['adf', 'adf-duplex', 'flatbed'] as const;
const colours = ['auto', 'color', 'gray', 'bw'] as const;
const sizes = ['A4', 'A3', 'letter', 'legal', 'auto'] as const;
const dpis = [150, 200, 300, 400, 600] as const;

export const emptyProfile: Profile = {
  id: '',
  name: '',
  source: 'adf',
  dpi: 300,
  colour: 'auto',
  pageSize: 'A4',
};

type ScannerConfig = MethodOutput<'scan.profiles'>;

export function ProfileForm(props: {
  profile: Profile;
  isDefault: boolean;
  /** Called with the station's scanner settings after a save, without them on cancel. */
  onDone: (saved?: ScannerConfig) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [profile, setProfile] = useState(props.profile);
  const [makeDefault, setMakeDefault] = useState(props.isDefault);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const set = <K extends keyof Profile>(key: K, value: Profile[K]) =>
    setProfile((p) => ({ ...p, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'busy' });
    api.call('scan.saveProfile', { profile, makeDefault }).then(
      (saved) => {
        setState({ kind: 'saved' });
        props.onDone(saved);
      },
      (error: ApiError) => setState({ kind: 'error', error }),
    );
  };
  const f = (s: string) => `${id}-${s}`;
  const isNew = props.profile.id === '';
  return (
    <form
      className="form-grid"
      onSubmit={submit}
      aria-label={
        isNew ? t('settings.newProfile') : t('settings.editProfile', { name: props.profile.name })
      }
    >
      <label htmlFor={f('id')}>{t('settings.profileId')}</label>
      <input
        id={f('id')}
        readOnly={!isNew}
        placeholder="mau-300"
        value={profile.id}
        onChange={(e) => set('id', e.target.value)}
      />
      <label htmlFor={f('name')}>{t('settings.profileName')}</label>
      <input id={f('name')} value={profile.name} onChange={(e) => set('name', e.target.value)} />
      <label htmlFor={f('source')}>{t('settings.source')}</label>
      <select
        id={f('source')}
        value={profile.source}
        onChange={(e) => set('source', e.target.value as Profile['source'])}
      >
        {sources.map((s) => (
          <option key={s} value={s}>
            {t(`settings.sources.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor={f('dpi')}>{t('settings.dpi')}</label>
      <select
        id={f('dpi')}
        value={profile.dpi}
        onChange={(e) => set('dpi', Number(e.target.value))}
      >
        {dpis.map((d) => (
          <option key={d} value={d}>
            {d} dpi
          </option>
        ))}
      </select>
      <label htmlFor={f('colour')}>{t('settings.colour')}</label>
      <select
        id={f('colour')}
        value={profile.colour}
        onChange={(e) => set('colour', e.target.value as Profile['colour'])}
      >
        {colours.map((c) => (
          <option key={c} value={c}>
            {t(`settings.colours.${c}`)}
          </option>
        ))}
      </select>
      <label htmlFor={f('size')}>{t('settings.pageSize')}</label>
      <select
        id={f('size')}
        value={profile.pageSize}
        onChange={(e) => set('pageSize', e.target.value as Profile['pageSize'])}
      >
        {sizes.map((s) => (
          <option key={s} value={s}>
            {s === 'auto' ? t('settings.pageSizeAuto') : s}
          </option>
        ))}
      </select>
      <span className="form-label">{t('settings.defaultProfile')}</span>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={makeDefault}
          onChange={(e) => setMakeDefault(e.target.checked)}
        />{' '}
        {t('settings.makeDefault')}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={state.kind === 'busy'}>
          {t('settings.saveProfile')}
        </button>
        <button type="button" onClick={() => props.onDone()}>
          {t('finish.cancel')}
        </button>
      </div>
      <SaveStatus state={state} />
    </form>
  );
}
