/** Masks a phone (`+7916***4567`) or e-mail (`i***@example.com`) for logs and the console. */
export function maskRecipient(recipient: string): string {
  const at = recipient.lastIndexOf('@')
  if (at > 0) return `${recipient.slice(0, 1)}***${recipient.slice(at)}`
  if (recipient.length <= 6) return '***'
  return `${recipient.slice(0, 5)}***${recipient.slice(-4)}`
}
