import { t } from '../i18n/index.ts'
import { Empty, PageHead } from '../ui/components.tsx'

export function NotFound() {
  return (
    <>
      <PageHead title={t('common.notFound')} />
      <div class="card">
        <Empty icon="search" title={t('common.notFoundText')}>
          <a class="btn" href="/admin">
            {t('nav.dashboard')}
          </a>
        </Empty>
      </div>
    </>
  )
}
