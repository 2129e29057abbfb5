import type { ComponentChildren } from 'preact';

/** A message band; errors are announced to screen readers as they appear. */
export function Notice(props: {
  kind: 'error' | 'info' | 'success' | 'warning';
  children: ComponentChildren;
}) {
  return (
    <div class={`notice notice-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}
