/** A search snippet with the matched words marked, as the core located them. */
import type { MethodOutput } from '../../api/index.js';

type Snip = MethodOutput<'dossier.search'>[number]['snippet'];

export function Snippet(props: { snippet: Snip }) {
  const { text, marks } = props.snippet;
  const parts: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    parts.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return (
    <span className="snippet" lang="vi">
      {parts.map((p, i) =>
        p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </span>
  );
}
