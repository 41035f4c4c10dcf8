/** The centred card the sign-in, first-run and lock screens share. */
import { useId, type ReactNode } from 'react';

export function AuthCard(props: {
  title: string;
  intro: string;
  children: ReactNode;
  /** The lock screen is a modal dialog over the (hidden) work. */
  modal?: boolean;
}) {
  const id = useId();
  return (
    <div className="auth-screen">
      <section
        className="auth-card"
        aria-labelledby={`${id}-title`}
        {...(props.modal ? { role: 'dialog', 'aria-modal': true } : {})}
      >
        <p className="auth-brand">SoHoa</p>
        <h1 id={`${id}-title`}>{props.title}</h1>
        <p className="hint">{props.intro}</p>
        {props.children}
      </section>
    </div>
  );
}
