import { createMemo, createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../api';
import { importsTexts } from '../../texts/imports';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { readFileBytes } from '../../ui/readFile';
import { Section } from '../../ui/Section';
import { SelectField } from '../../ui/SelectField';
import { useTenant } from '../shell/context';
import { type ImportResult, importsApi, type ListName, type RowError } from './api';
import { Credentials } from './Credentials';
import { ImportErrors } from './ImportErrors';

const s = importsTexts;

/** Which lists a role may import (manage) and export (read), as the server's permissions say. */
const MANAGE: Record<string, ListName[]> = {
  admin: ['units', 'inspectors', 'users'],
  director: ['units', 'inspectors'],
};
const READ: Record<string, ListName[]> = {
  admin: ['units', 'inspectors', 'users'],
  director: ['units', 'inspectors'],
  inspector: ['units', 'inspectors'],
  viewer: ['units', 'inspectors'],
};

type Phase = 'idle' | 'checking' | 'checked' | 'importing' | 'done';

/**
 * Pick a list, download its template, choose a file, check it (dry run), then import. The server
 * reads the spreadsheet: this page never loads a spreadsheet library.
 */
export default function ImportsPage() {
  const { slug, session, config } = useTenant();
  const role = () => session().user.role;
  const manageable = createMemo(() => MANAGE[role()] ?? []);
  const exportable = createMemo(() => READ[role()] ?? []);
  const nameOf = (list: ListName) =>
    s.listName(list, config().vocabulary.unit, config().vocabulary.inspector);

  const [list, setList] = createSignal<ListName>('units');
  const [file, setFile] = createSignal<File | null>(null);
  const [phase, setPhase] = createSignal<Phase>('idle');
  const [checked, setChecked] = createSignal<ImportResult | null>(null);
  const [result, setResult] = createSignal<ImportResult | null>(null);
  const [rowErrors, setRowErrors] = createSignal<{ errors: RowError[]; total: number } | null>(null);
  const [message, setMessage] = createSignal<string | null>(null);
  const [downloading, setDownloading] = createSignal<string | null>(null);

  const reset = () => {
    setPhase('idle');
    setChecked(null);
    setResult(null);
    setRowErrors(null);
    setMessage(null);
  };

  // The file is read once, when chosen: the import sends exactly the bytes that were checked, and a
  // file edited on disk afterwards (Chrome then refuses to read it) asks to be chosen again instead
  // of failing later as if the network were down.
  const choose = async (chosen: File | null) => {
    setFile(null);
    if (!chosen) return;
    try {
      const bytes = await readFileBytes(chosen);
      setFile(new File([bytes], chosen.name, { type: chosen.type }));
    } catch {
      setMessage(s.unreadable);
    }
  };

  const send = async (dryRun: boolean) => {
    const chosen = file();
    if (!chosen) {
      setMessage(s.noFile);
      return;
    }
    setRowErrors(null);
    setMessage(null);
    setPhase(dryRun ? 'checking' : 'importing');
    try {
      const answer = await importsApi.upload(slug(), list(), chosen, dryRun);
      if (dryRun) {
        setChecked(answer);
        setPhase('checked');
      } else {
        setResult(answer);
        setChecked(null);
        setFile(null);
        setPhase('done');
      }
    } catch (err) {
      const e = toApiError(err);
      const errors = e.details?.errors;
      if (Array.isArray(errors) && errors.length > 0) {
        const total = Number(e.details?.errorCount ?? errors.length);
        setRowErrors({ errors: errors as RowError[], total });
      } else setMessage(e.message);
      setChecked(null);
      setPhase('idle');
    }
  };

  const fetchFile = async (key: string, run: () => Promise<void>) => {
    setDownloading(key);
    setMessage(null);
    try {
      await run();
    } catch (err) {
      setMessage(toApiError(err).message);
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Page title={s.title} intro={s.intro}>
      <Show when={manageable().length > 0}>
        <Section title={s.importTitle}>
          <div class="form card">
            <SelectField
              id="import-list"
              label={s.list}
              value={list()}
              onValue={(value) => {
                setList(value as ListName);
                reset();
              }}
              options={manageable().map((l) => ({ value: l, label: nameOf(l) }))}
            />
            <p>
              <Button
                busy={downloading() === 'template'}
                onClick={() =>
                  fetchFile('template', () =>
                    importsApi.template(slug(), list(), `${nameOf(list())}导入模板.xlsx`),
                  )
                }
              >
                {s.template}
              </Button>
            </p>
            <Field id="import-file" label={s.file} hint={s.fileHint}>
              <input
                id="import-file"
                type="file"
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                aria-describedby="import-file-hint"
                // Clearing first lets the same (corrected) file be chosen again.
                onClick={(e) => {
                  e.currentTarget.value = '';
                }}
                onChange={(e) => {
                  reset();
                  void choose(e.currentTarget.files?.[0] ?? null);
                }}
              />
            </Field>
            <div class="actions">
              <Button
                variant={phase() === 'checked' ? 'secondary' : 'primary'}
                busy={phase() === 'checking'}
                disabled={!file() || phase() === 'importing'}
                onClick={() => send(true)}
              >
                {phase() === 'checking' ? s.checking : s.check}
              </Button>
              <Show when={phase() === 'checked' || phase() === 'importing'}>
                <Button variant="primary" busy={phase() === 'importing'} onClick={() => send(false)}>
                  {phase() === 'importing' ? s.importing : s.confirm}
                </Button>
              </Show>
            </div>
          </div>

          <Show when={message()}>{(m) => <ErrorBanner message={m()} />}</Show>
          <Show when={rowErrors()}>{(r) => <ImportErrors errors={r().errors} total={r().total} />}</Show>
          <Show when={checked()}>
            {(c) => (
              <Notice tone="info">
                <p>{s.checkedOk(c().rows)}</p>
                <p>
                  {c().created + c().updated > 0
                    ? s.plan(c().created, c().updated, c().unchanged)
                    : s.nothingToDo}
                </p>
                <Show when={c().zonesCreated?.length}>
                  <p>{s.zonesCreated(config().vocabulary.zone, c().zonesCreated ?? [])}</p>
                </Show>
              </Notice>
            )}
          </Show>
          <Show when={result()}>
            {(r) => (
              <Notice>
                <p>{s.done(r().created, r().updated, r().unchanged)}</p>
              </Notice>
            )}
          </Show>
          <Show when={result()?.credentials?.length}>
            <Credentials items={result()?.credentials ?? []} />
          </Show>
        </Section>
      </Show>

      <Section title={s.exportTitle}>
        <p>{s.exportIntro}</p>
        <div class="actions">
          <For each={exportable()}>
            {(l) => (
              <Button
                busy={downloading() === l}
                onClick={() => fetchFile(l, () => importsApi.export(slug(), l, `${nameOf(l)}.xlsx`))}
              >
                {s.exportList(nameOf(l))}
              </Button>
            )}
          </For>
        </div>
      </Section>
    </Page>
  );
}
