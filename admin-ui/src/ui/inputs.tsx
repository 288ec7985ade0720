import type { InputHTMLAttributes } from 'preact'

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput'>

/**
 * An <input> bound to a string state: `onValue` gets the text on every keystroke. Other props
 * (including the id and aria-* a surrounding <Field> adds) go to the input as they are.
 */
export function TextInput(props: InputProps & { value: string; onValue: (value: string) => void }) {
  const { onValue, ...rest } = props
  // Omit flattens preact's type/role union; the props did come from that union, so cast back.
  const attributes = rest as InputHTMLAttributes<HTMLInputElement>
  return <input {...attributes} onInput={(e) => onValue((e.target as HTMLInputElement).value)} />
}
