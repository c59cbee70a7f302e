import { Form, Input, type InputRef } from 'antd';
import type { Ref } from 'react';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  /** Message for the current value; null when valid or still empty. */
  problem: string | null;
  /** Shown under a valid value (e.g. "校验通过 · 1990-01-01 · 男"). */
  okText?: string | null;
  maxLength?: number;
  inputRef?: Ref<InputRef>;
  testId?: string;
  autoFocus?: boolean;
}

/** A text field validated live as the clerk types: red with the reason, green when it checks out. */
export function CheckedField({ id, label, value, onChange, problem, okText, maxLength, inputRef, testId, autoFocus }: Props) {
  const status = value && problem ? 'error' : value && okText ? 'success' : undefined;
  return (
    <Form.Item label={label} htmlFor={id} validateStatus={status} help={value ? (problem ?? okText ?? undefined) : undefined} hasFeedback={!!status}>
      <Input
        // A suffix from the start keeps antd's wrapper in place: adding the feedback icon later
        // would rebuild the input under the caret and drop the focus mid-typing.
        suffix={<span />}
        id={id}
        ref={inputRef}
        value={value}
        maxLength={maxLength}
        autoComplete="off"
        autoFocus={autoFocus}
        aria-invalid={!!(value && problem)}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
    </Form.Item>
  );
}
