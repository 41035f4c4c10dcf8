/**
 * One fact of the status bar: a name, a value and a tone. An unknown value says so in words
 * (and in its accessible name) instead of guessing.
 */
export type Tone = 'ok' | 'warn' | 'bad' | 'unknown';

export function StatusItem(props: {
  id: string;
  name: string;
  value: string;
  tone: Tone;
  hint?: string;
}) {
  return (
    <li className="status-item" data-status={props.id} data-tone={props.tone} title={props.hint}>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-name">{props.name}:</span>
      <span className="status-value">{props.value}</span>
    </li>
  );
}
