import { describe, expect, it } from 'vitest'
import { commonPasswordSet } from './common-passwords.ts'

describe('common password list', () => {
  it('expands the base words with their suffixes into the full list', () => {
    const set = commonPasswordSet()
    // The stored form must expand to exactly the published list, no entry lost or added.
    expect(set.size).toBe(7581)
    for (const entry of ['qwerty123', 'password1!', 'ячсмитьбю2025', '01011990', '!@#$%^&*']) {
      expect(set.has(entry)).toBe(true)
    }
    for (const short of ['1111', 'qwerty', 'qwerty1']) expect(set.has(short)).toBe(false)
    expect([...set].every((entry) => entry.length >= 8)).toBe(true)
  })
})
