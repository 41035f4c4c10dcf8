/** What the last action did, with Undo after a delete or a replacement (also Ctrl+Z). */
import { useReviewTexts } from './i18n.js';

export type Notice =
  | { kind: 'deleted'; count: number; actionId: string }
  | { kind: 'replaced'; actionId: string }
  | { kind: 'restored'; count: number }
  | { kind: 'rescanning'; since: string }
  | { kind: 'error'; reason: string };

export function ReviewNotice(props: {
  notice: Notice | undefined;
  onUndo: (actionId: string) => void;
  onDismiss: () => void;
}) {
  const t = useReviewTexts();
  const { notice } = props;
  return (
    <div className="review-notice" role="status" aria-live="polite">
      {notice && (
        <div className={notice.kind === 'error' ? 'review-toast error-text' : 'review-toast'}>
          <span>
            {notice.kind === 'deleted' && t('deleted', { count: notice.count })}
            {notice.kind === 'replaced' && t('rescanDone')}
            {notice.kind === 'restored' && t('restored', { count: notice.count })}
            {notice.kind === 'rescanning' && t('rescanning')}
            {notice.kind === 'error' && t('actionFailed', { reason: notice.reason })}
          </span>
          {(notice.kind === 'deleted' || notice.kind === 'replaced') && (
            <button
              type="button"
              onClick={() => props.onUndo(notice.actionId)}
              aria-keyshortcuts="Control+Z"
            >
              {t('undo')} <kbd aria-hidden="true">Ctrl+Z</kbd>
            </button>
          )}
          <button type="button" onClick={props.onDismiss} aria-label={t('dismiss')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
