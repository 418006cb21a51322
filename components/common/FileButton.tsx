import { useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

/**
 * A button that opens the file dialog, in the extension's words and look: the browser's own file
 * control speaks the browser's language ("Choose file" in an English Chrome) and looks like no
 * other button. The input stays in the page, hidden and out of the Tab order, under `inputTestId`.
 */
export function FileButton({
  children,
  testId,
  inputTestId,
  disabled,
  onFile,
}: {
  children: ComponentChildren;
  testId: string;
  inputTestId: string;
  disabled?: boolean;
  onFile: (input: HTMLInputElement) => void;
}) {
  const file = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" data-testid={testId} disabled={disabled} onClick={() => file.current?.click()}>
        {children}
      </button>
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        class="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={inputTestId}
        onChange={(e) => onFile(e.currentTarget as HTMLInputElement)}
      />
    </>
  );
}
