/**
 * The applicant and the agencies of a new dossier. The identity number is checked as typed;
 * the handling agency can differ from the receiving one only where the procedure allows
 * reception regardless of administrative boundaries (PhiDiaGioi). Submitting creates the
 * dossier in the core, which checks everything again.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../api/index.js';
import type { Procedure } from '../../../src-main/domain/index.js';
import { checkIdentity } from './identity-check.js';

type NewDossier = MethodInput<'dossier.create'>;
const subjectKinds = [1, 2, 3, 4] as const;

export function ApplicantForm(props: {
  procedure: Procedure;
  /** The station's agency (config agency.code), when set. */
  agency: { code?: string; name?: string };
  busy: boolean;
  onSubmit: (input: NewDossier) => void;
  formId: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<1 | 2 | 3 | 4>(1);
  const [identity, setIdentity] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [address, setAddress] = useState('');
  const [summary, setSummary] = useState('');
  const [receiving, setReceiving] = useState(props.agency.code ?? '');
  const [crossBoundary, setCrossBoundary] = useState(false);
  const [handling, setHandling] = useState('');

  const year = /^\d{4}$/.test(birthYear) ? Number(birthYear) : undefined;
  const check = checkIdentity(identity, year);
  const lang = i18n.language.startsWith('vi') ? 'vi' : 'en';
  const identityText =
    check.state === 'ok'
      ? check.identity.LoaiDinhDanh === '1'
        ? t('reception.applicant.cccdOk', {
            province: check.identity.province,
            gender: t(`reception.applicant.gender.${check.identity.gender ?? 'male'}`),
            year: check.identity.birthYear,
          })
        : t('reception.applicant.cmndOk')
      : check.state === 'invalid'
        ? check.message[lang]
        : check.state === 'typing'
          ? t('reception.applicant.typing', { count: check.digits })
          : t('reception.applicant.identityHint');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit({
      MaTTHC: props.procedure.MaTTHC,
      ChuHoSo: name,
      LoaiDoiTuong: kind,
      ...(identity.trim() ? { SoDinhDanh: identity.trim() } : {}),
      ...(year !== undefined ? { NamSinh: year } : {}),
      ...(phone.trim() ? { SoDienThoai: phone.trim() } : {}),
      ...(email.trim() ? { Email: email.trim() } : {}),
      ...(address.trim() ? { DiaChi: address.trim() } : {}),
      ...(summary.trim() ? { TrichYeuHoSo: summary.trim() } : {}),
      ...(receiving.trim() ? { NoiNopHoSo: receiving.trim() } : {}),
      ...(crossBoundary && handling.trim() ? { DonViXuLy: handling.trim() } : {}),
    });
  };

  const field = (suffix: string) => `${id}-${suffix}`;
  return (
    <form id={props.formId} className="form-grid" onSubmit={submit} noValidate>
      <label htmlFor={`${props.formId}-first`}>{t('reception.applicant.name')} *</label>
      {/* The name is the next thing to type once the procedure is chosen (the form is new for
          each procedure): focused as it appears, so keys typed right after Enter land here. */}
      <input
        id={`${props.formId}-first`}
        autoFocus
        required
        aria-required="true"
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor={field('kind')}>{t('reception.applicant.kind')}</label>
      <select
        id={field('kind')}
        value={kind}
        onChange={(e) => setKind(Number(e.target.value) as 1 | 2 | 3 | 4)}
      >
        {subjectKinds.map((k) => (
          <option key={k} value={k}>
            {t(`reception.applicant.kinds.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor={field('identity')}>{t('reception.applicant.identity')}</label>
      <div>
        <input
          id={field('identity')}
          inputMode="numeric"
          autoComplete="off"
          aria-invalid={check.state === 'invalid'}
          aria-describedby={field('identity-check')}
          value={identity}
          onChange={(e) => setIdentity(e.target.value)}
        />
        <p
          id={field('identity-check')}
          className="field-check"
          data-state={check.state}
          aria-live="polite"
        >
          {identityText}
        </p>
      </div>
      <label htmlFor={field('year')}>{t('reception.applicant.birthYear')}</label>
      <input
        id={field('year')}
        inputMode="numeric"
        maxLength={4}
        value={birthYear}
        onChange={(e) => setBirthYear(e.target.value)}
      />
      <label htmlFor={field('phone')}>{t('reception.applicant.phone')}</label>
      <input
        id={field('phone')}
        type="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
      />
      <label htmlFor={field('email')}>{t('reception.applicant.email')}</label>
      <input
        id={field('email')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <label htmlFor={field('address')}>{t('reception.applicant.address')}</label>
      <input id={field('address')} value={address} onChange={(e) => setAddress(e.target.value)} />
      <label htmlFor={field('summary')}>{t('reception.applicant.summary')}</label>
      <input id={field('summary')} value={summary} onChange={(e) => setSummary(e.target.value)} />

      <label htmlFor={field('receiving')}>{t('reception.agency.receiving')}</label>
      <div>
        <input
          id={field('receiving')}
          placeholder="000.00.06.H56"
          aria-describedby={field('receiving-hint')}
          value={receiving}
          onChange={(e) => setReceiving(e.target.value)}
        />
        <p id={field('receiving-hint')} className="field-check">
          {props.agency.code
            ? t('reception.agency.station', {
                name: props.agency.name ?? props.agency.code,
              })
            : t('reception.agency.noStation')}
        </p>
      </div>
      <span className="form-label">{t('reception.agency.handling')}</span>
      <div>
        {props.procedure.PhiDiaGioi ? (
          <>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={crossBoundary}
                onChange={(e) => setCrossBoundary(e.target.checked)}
              />{' '}
              {t('reception.agency.crossBoundary')}
            </label>
            {crossBoundary && (
              <input
                aria-label={t('reception.agency.handlingCode')}
                placeholder="000.00.07.H56"
                value={handling}
                onChange={(e) => setHandling(e.target.value)}
              />
            )}
          </>
        ) : (
          <p className="field-check">{t('reception.agency.sameOnly')}</p>
        )}
      </div>
      {props.busy && <p aria-busy="true">{t('reception.creating')}</p>}
    </form>
  );
}
