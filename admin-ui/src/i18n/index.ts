import { signal } from '@preact/signals'
import { en, type MessageKey } from './en.ts'
import { ru } from './ru.ts'

export type Lang = 'en' | 'ru'
export type { MessageKey }

const storageKey = 'propusk.lang'

function initialLang(): Lang {
  const saved = localStorage.getItem(storageKey)
  if (saved === 'en' || saved === 'ru') return saved
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}

/** The console's language: the browser's by default, then whatever the admin picked. */
export const lang = signal<Lang>(initialLang())
document.documentElement.lang = lang.value

export function setLang(next: Lang): void {
  lang.value = next
  localStorage.setItem(storageKey, next)
  document.documentElement.lang = next
}

/** A message in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text: string = (lang.value === 'ru' ? ru : en)[key] ?? en[key]
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''))
}

const locale = () => (lang.value === 'ru' ? 'ru-RU' : 'en-GB')

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return t('common.none')
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  )
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return t('common.none')
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(iso))
}

/** `2026-03-01` → `1 Mar`, for chart axes. */
export function formatDay(date: string): string {
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(new Date(`${date}T00:00:00Z`))
    .replace('.', '')
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value)
}

/** +79161234567 → +7 916 123-45-67 (other countries stay as they are). */
export function formatPhone(phone: string | null): string {
  if (!phone) return ''
  const ru = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone)
  return ru ? `+7 ${ru[1]} ${ru[2]}-${ru[3]}-${ru[4]}` : phone
}
