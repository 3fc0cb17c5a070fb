/** What every field of a generated form shares: where the form sits in the document, its problems, and how to edit by path. */
import { createContext, useContext, type ReactNode } from 'react';
import type { Problem } from '../../schema/index.js';
import type { Path } from './form-values.js';

export interface WidgetProps {
  value: unknown;
  path: Path;
  pointer: string;
  testId: string;
  /** `field` names the part edited, so typing in it is one undo step apart from other parts (default: the path). */
  onChange: (value: unknown, field?: string) => void;
}

export interface FormContextValue {
  /** The JSON pointer of the form's root value in the journey document, e.g. `/steps/ask-anxiety`. */
  base: string;
  problems: readonly Problem[];
  testIdPrefix: string;
  set: (path: Path, value: unknown, field?: string) => void;
  /** Hand-made editors for fields a generic control would serve badly (the questionnaire), by `widgetKey` of their path. */
  widgets: Record<string, (props: WidgetProps) => ReactNode>;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const context = useContext(FormContext);
  if (!context) throw new Error('A form field must be rendered inside a SchemaForm');
  return context;
}
