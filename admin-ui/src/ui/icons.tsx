import type { JSX } from 'preact'

/** Hand-drawn 20px stroke icons (no icon font: a few hundred bytes each). */
const paths: Record<string, string> = {
  dashboard: 'M3 3h6v8H3zM11 3h6v4h-6zM11 9h6v8h-6zM3 13h6v4H3z',
  people:
    'M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM1.5 17c0-3 2.5-5 5.5-5s5.5 2 5.5 5M13.5 9a2.5 2.5 0 1 0 0-5M15 12c2 .4 3.5 2.2 3.5 5',
  roles: 'M10 2l7 3v5c0 4-3 7-7 8-4-1-7-4-7-8V5z M7 10l2 2 4-4',
  apps: 'M3 3h5v5H3zM12 3h5v5h-5zM3 12h5v5H3zM12 12h5v5h-5z',
  plugins: 'M7 2v4M13 2v4M4 6h12v4a6 6 0 0 1-12 0zM10 16v3',
  deliveries: 'M2 5l8 6 8-6M2 5h16v11H2z',
  audit: 'M5 2h8l3 3v13H5zM8 8h5M8 11h5M8 14h3',
  outbox: 'M3 11l2-7h10l2 7M3 11v5h14v-5M3 11h4l1 2h4l1-2h4',
  menu: 'M3 5h14M3 10h14M3 15h14',
  close: 'M5 5l10 10M15 5L5 15',
  search: 'M9 15a6 6 0 1 0 0-12 6 6 0 0 0 0 12zM13.5 13.5L18 18',
  plus: 'M10 4v12M4 10h12',
  upload: 'M10 14V3M5 8l5-5 5 5M3 17h14',
  download: 'M10 3v11M5 9l5 5 5-5M3 17h14',
  inbox: 'M3 11l2-7h10l2 7v5H3zM3 11h4l1 2h4l1-2h4',
  back: 'M12 4l-6 6 6 6',
  refresh: 'M16 10a6 6 0 1 1-2-4.5M16 3v4h-4',
  key: 'M12.5 8.5a3.5 3.5 0 1 0-3 3.5L4 17.5V19h2.5v-1.5H8V16h1.5l2-2',
  phone: 'M6 2h8v16H6zM9 15h2',
  mail: 'M2 5h16v11H2zM2 5l8 6 8-6',
  call: 'M4 3h3l2 4-2 1.5a10 10 0 0 0 4.5 4.5L13 11l4 2v3a2 2 0 0 1-2 2A14 14 0 0 1 2 5a2 2 0 0 1 2-2z',
  logout: 'M8 3H4v14h4M13 6l4 4-4 4M17 10H8',
}

export function Icon({ name, size = 18 }: { name: string; size?: number }): JSX.Element {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      <path d={paths[name] ?? ''} />
    </svg>
  )
}

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#3b5bdb" />
      <path
        d="M11 24V8h6.5a5 5 0 0 1 0 10H11"
        fill="none"
        stroke="#fff"
        stroke-width="3"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
      <circle cx="22" cy="23" r="2" fill="#8fd3ff" />
    </svg>
  )
}
