import { t } from '../i18n/index.ts'
import { Empty } from '../ui/components.tsx'

export function NotFound() {
  return (
    <div class="card">
      <Empty icon="search" title={t('common.notFound')} text={t('common.notFoundText')}>
        <a class="btn" href="/admin">
          {t('nav.dashboard')}
        </a>
      </Empty>
    </div>
  )
}
