import { useState } from 'preact/hooks'
import { ApiFailure } from '../../api/client.ts'
import { admin, type ImportReport } from '../../api/endpoints.ts'
import { fieldMessage, lang, t, type MessageKey } from '../../i18n/index.ts'
import { ErrorBox, PageHead, StatusBadge } from '../../ui/components.tsx'

/** The template in the console's language; the import reads either (column names, kinds, roles). */
const templates = {
  en:
    'kind,display_name,phone,email,roles,language\n' +
    'employee,Иван Петров,8 916 123-45-67,,Field employee,\n' +
    'customer,ООО «Ромашка»,,office@romashka.example,Customer,English\n',
  ru:
    'Тип,Имя,Телефон,E-mail,Роли,Язык\n' +
    'сотрудник,Иван Петров,8 916 123-45-67,,Выездной сотрудник,\n' +
    'клиент,ООО «Ромашка»,,office@romashka.example,Клиент,English\n',
}

/** The columns a row's problems name, in words. */
const columnWords: Record<string, MessageKey> = {
  kind: 'import.kind',
  display_name: 'create.name',
  phone: 'create.phone',
  email: 'create.email',
  roles: 'create.roles',
  language: 'locale.label',
}

const columnOf = (field: string) => {
  const words = columnWords[field]
  return words ? `${t(words)}: ` : ''
}

function ReportTable({ report }: { report: ImportReport }) {
  const [onlyErrors, setOnlyErrors] = useState(report.failed > 0)
  const rows = onlyErrors ? report.rows.filter((r) => r.status === 'error') : report.rows
  const valid = report.rows.filter((r) => r.status === 'valid').length
  return (
    <div class="card">
      <header>
        <div>
          <h2>{t('import.report')}</h2>
          <p>
            {report.dryRun
              ? t('import.summaryDry', { valid, failed: report.failed, total: report.total })
              : t('import.summary', {
                  created: report.created,
                  failed: report.failed,
                  total: report.total,
                })}
          </p>
        </div>
        <label class="check" style={{ padding: '6px 10px' }}>
          <input
            type="checkbox"
            checked={onlyErrors}
            onChange={(e) => setOnlyErrors((e.target as HTMLInputElement).checked)}
          />
          <span>{t('import.onlyErrors')}</span>
        </label>
      </header>
      <div class="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th>{t('import.row')}</th>
              <th>{t('import.result')}</th>
              <th>{t('import.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row}>
                <td class="mono">{row.row}</td>
                <td>
                  <StatusBadge prefix="import" value={row.status} />
                  {row.userId && (
                    <div class="sub">
                      <a href={`/admin/people/${row.userId}`}>{t('import.open')}</a>
                    </div>
                  )}
                </td>
                <td>
                  {row.errors.map((e) => (
                    <div key={e.field + e.message}>
                      {columnOf(e.field)}
                      {fieldMessage(e)}
                    </div>
                  ))}
                  {row.invitationError && <div class="sub">{row.invitationError}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

export function ImportPeople() {
  const [csv, setCsv] = useState('')
  const [invite, setInvite] = useState(true)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const run = async (dryRun: boolean) => {
    setBusy(true)
    setError(null)
    try {
      setReport(await admin.users.import(csv, dryRun, invite))
    } catch (failure) {
      setReport(null)
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  const template = templates[lang.value]
  const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(template)}`
  return (
    <>
      <PageHead
        title={t('import.title')}
        subtitle={t('import.subtitle')}
        crumbs={<a href="/admin/people">{t('people.title')}</a>}
      />
      <div class="stack">
        <div class="card">
          <form
            class="body form"
            style={{ maxWidth: '760px' }}
            onSubmit={(e) => {
              e.preventDefault()
              void run(false)
            }}
          >
            <p class="muted" style={{ margin: 0 }}>
              {t('import.columns')}{' '}
              <a href={templateHref} download="propusk-people.csv">
                {t('import.template')}
              </a>
            </p>
            <label class="field">
              <span>{t('import.file')}</span>
              <input
                type="file"
                accept=".csv,text/csv"
                onChange={async (e) => {
                  const file = (e.target as HTMLInputElement).files?.[0]
                  if (file) setCsv(await file.text())
                }}
              />
            </label>
            <label class="field">
              <span class="hint">{t('import.orPaste')}</span>
              <textarea
                name="csv"
                rows={8}
                class="mono"
                value={csv}
                placeholder={template}
                onInput={(e) => setCsv((e.target as HTMLTextAreaElement).value)}
              />
            </label>
            <label class="check" style={{ maxWidth: '320px' }}>
              <input
                type="checkbox"
                checked={invite}
                onChange={(e) => setInvite((e.target as HTMLInputElement).checked)}
              />
              <span>{t('import.sendInvitations')}</span>
            </label>
            {error ? (
              error instanceof ApiFailure && error.fields.length ? (
                <div class="alert" role="alert">
                  {error.fields.map((f) => (
                    <div key={f.message}>{f.message}</div>
                  ))}
                </div>
              ) : (
                <ErrorBox error={error} />
              )
            ) : null}
            <div class="form-actions">
              <button class="btn primary" type="submit" disabled={busy || !csv.trim()}>
                {t('import.submit')}
              </button>
              <button
                class="btn"
                type="button"
                disabled={busy || !csv.trim()}
                onClick={() => run(true)}
              >
                {t('import.check')}
              </button>
            </div>
          </form>
        </div>
        {report && <ReportTable report={report} />}
      </div>
    </>
  )
}
