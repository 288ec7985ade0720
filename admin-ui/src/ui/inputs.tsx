import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'preact'

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput'>
type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onInput'>
type Bound = { value: string; onValue: (value: string) => void }

/**
 * An <input> bound to a string state: `onValue` gets the text on every keystroke. Other props
 * (including the id and aria-* a surrounding <Field> adds) go to the input as they are.
 */
export function TextInput(props: InputProps & Bound) {
  const { onValue, ...rest } = props
  // Omit flattens preact's type/role union; the props did come from that union, so cast back.
  const attributes = rest as InputHTMLAttributes<HTMLInputElement>
  return <input {...attributes} onInput={(e) => onValue((e.target as HTMLInputElement).value)} />
}

/** The <textarea> twin of TextInput. */
export function TextArea(props: TextAreaProps & Bound) {
  const { onValue, ...rest } = props
  const attributes = rest as TextareaHTMLAttributes<HTMLTextAreaElement>
  return (
    <textarea {...attributes} onInput={(e) => onValue((e.target as HTMLTextAreaElement).value)} />
  )
}

type StringKeys<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F]

/**
 * Binds text fields of a form object kept as one state: `<TextInput {...bind('name')} />` shows
 * `form.name` and typing calls `set({ name })`.
 */
export function binder<F>(form: F, set: (patch: Partial<F>) => void) {
  return <K extends StringKeys<F>>(field: K): Bound => ({
    value: form[field] as string,
    onValue: (value) => set({ [field]: value } as unknown as Partial<F>),
  })
}
