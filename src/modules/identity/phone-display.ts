/**
 * A stored (E.164) phone as people write it, for pages and messages: +79161234567 →
 * +7 916 123-45-67, as the console shows it. Other countries' numbers and e-mail addresses stay
 * as they are (their grouping differs by plan; E.164 is unambiguous).
 */
export function phoneForDisplay(login: string): string {
  const ru = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(login)
  return ru ? `+7 ${ru[1]} ${ru[2]}-${ru[3]}-${ru[4]}` : login
}
