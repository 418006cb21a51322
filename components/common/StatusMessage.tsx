export interface Status {
  kind: 'ok' | 'error';
  text: string;
}

/**
 * The outcome of a save beside its form. An error is announced at once (alert) and a success
 * politely (status); `inline` for a place inside a row of buttons.
 */
export function StatusMessage({ status, inline = false }: { status: Status | null; inline?: boolean }) {
  if (!status) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
      {status.text}
    </Tag>
  );
}
