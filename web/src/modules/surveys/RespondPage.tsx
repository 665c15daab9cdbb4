import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import type { Question } from '../../../../tenants/surveys/questions';
import { respondTexts as s } from '../../texts/survey-respond';
import './respond.css';

/** What GET /public/surveys/:token answers. */
interface PublicSurvey {
  state: 'open' | 'used' | 'not_open' | 'closed';
  message: string | null;
  office: string;
  survey: {
    title: string;
    kindLabel: string;
    teacherName: string | null;
    course: string | null;
    classLabel: string;
    closesOn: string | null;
    questions: Question[];
  };
}

type Answers = Record<string, number | number[] | string>;

interface Failure {
  status: number;
  message: string;
  issues: { path: string; message: string }[];
}

/**
 * JSON in and out, without the app's API client: this page is its own entry and stays small. A
 * failure carries the server's Chinese message and field issues; status 0 is the network.
 */
async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'omit',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw { status: 0, message: s.error, issues: [] } satisfies Failure;
  }
  const data = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const e = data?.error;
  throw {
    status: res.status,
    message: e?.message ?? s.error,
    issues: Array.isArray(e?.details?.issues) ? e.details.issues : [],
  } satisfies Failure;
}

const failureOf = (err: unknown): Failure =>
  typeof err === 'object' && err !== null && 'status' in err
    ? (err as Failure)
    : { status: 0, message: s.error, issues: [] };

/**
 * A storage key that does not hold the token: the slip is the student's key to answer, so it is
 * not left readable on a shared phone. SHA-256 where the page is a secure context, FNV-1a otherwise.
 */
async function draftKey(token: string): Promise<string> {
  let hex = '';
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
    hex = Array.from(new Uint8Array(digest).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  } else {
    let h = 0x811c9dc5;
    for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193) >>> 0;
    hex = h.toString(16);
  }
  return `dudao.survey.${hex}`;
}

function readDraft(key: string): Answers {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Answers) : {};
  } catch {
    return {};
  }
}

const isAnswered = (v: Answers[string] | undefined) =>
  v !== undefined && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'string' && v.trim() === '');

/**
 * /s/:tenant/:token — a student's anonymous answer to a survey, from a slip's QR code. No sign-in,
 * its own small chunk; what the student picks is kept on the phone until it is sent, so a reload or
 * a dropped connection loses nothing. After sending: a thank-you, and the draft is gone.
 */
export default function RespondPage(props: { tenant: string; token: string }) {
  const [page, setPage] = createSignal<PublicSurvey | null>(null);
  const [loadError, setLoadError] = createSignal<Failure | null>(null);
  const [answers, setAnswers] = createSignal<Answers>({});
  const [restored, setRestored] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<{ message: string; byKey: Record<string, string> } | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  let key = '';
  const path = (rest = '') =>
    `/api/t/${encodeURIComponent(props.tenant)}/public/surveys/${encodeURIComponent(props.token)}${rest}`;
  const setTitle = (title: string) => {
    document.title = title;
  };

  onMount(async () => {
    setTitle(s.loading);
    try {
      key = await draftKey(props.token);
      const got = await call<PublicSurvey>('GET', path());
      setTitle(got.survey.title);
      setPage(got);
      const draft = readDraft(key);
      if (Object.keys(draft).length > 0 && got.state === 'open') {
        setAnswers(draft);
        setRestored(true);
      }
    } catch (err) {
      setLoadError(failureOf(err));
    }
  });

  const set = (q: string, value: Answers[string]) => {
    const next = { ...answers(), [q]: value };
    setAnswers(next);
    try {
      localStorage.setItem(key, JSON.stringify(next));
    } catch {
      // Private mode or a full storage: the answers still go with this page.
    }
  };
  const toggle = (q: string, i: number) => {
    const now = answers()[q];
    const list = Array.isArray(now) ? now : [];
    set(q, list.includes(i) ? list.filter((x) => x !== i) : [...list, i].sort((a, b) => a - b));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const p = page();
    if (!p) return;
    const missing = p.survey.questions.filter((q) => q.required && !isAnswered(answers()[q.key]));
    if (missing.length > 0) {
      const byKey: Record<string, string> = {};
      for (const q of missing) byKey[q.key] = s.required;
      setError({ message: s.missing(missing.length), byKey });
      document.getElementById(`q-${missing[0]?.key}`)?.scrollIntoView();
      return;
    }
    setSending(true);
    setError(null);
    try {
      const sent = await call<{ message: string }>('POST', path('/responses'), { answers: answers() });
      localStorage.removeItem(key);
      setDone(sent.message);
    } catch (err) {
      const a = failureOf(err);
      if (a.status === 409) {
        localStorage.removeItem(key);
        setPage({ ...p, state: 'used', message: a.message });
      } else {
        const byKey: Record<string, string> = {};
        for (const i of a.issues) byKey[i.path.replace(/^answers\./, '')] = i.message;
        setError({ message: a.status === 0 ? s.error : a.message, byKey });
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <main class="respond">
      <Switch fallback={<p class="muted">{s.loading}</p>}>
        <Match when={loadError()}>
          {(e) => (
            <p class="banner banner-error" role="alert">
              {e().status === 404 ? s.notFound : e().message}
            </p>
          )}
        </Match>
        <Match when={done()}>
          {(message) => (
            <section class="respond-done" role="status">
              <h1>{s.thanksTitle}</h1>
              <p>{message()}</p>
              <p class="muted">{s.thanksBody}</p>
            </section>
          )}
        </Match>
        <Match when={page()}>
          {(p) => (
            <>
              <header class="respond-head">
                <p class="muted">{p().office}</p>
                <h1>{p().survey.title}</h1>
                <Show when={p().survey.teacherName}>
                  {(name) => <p>{s.for(name(), p().survey.course)}</p>}
                </Show>
                <p class="muted">
                  {s.classOf(p().survey.classLabel)}
                  <Show when={p().survey.closesOn}>{(d) => <> · {s.closesOn(d())}</>}</Show>
                </p>
              </header>
              <Show
                when={p().state === 'open'}
                fallback={
                  <p class="banner banner-info" role="status">
                    {p().message}
                  </p>
                }
              >
                <p class="muted">{s.anonymous}</p>
                <Show when={restored()}>
                  <p class="banner banner-ok" role="status">
                    {s.kept}
                  </p>
                </Show>
                <form onSubmit={submit} novalidate>
                  <For each={p().survey.questions}>
                    {(q, i) => (
                      <fieldset
                        id={`q-${q.key}`}
                        class="respond-q"
                        classList={{ 'respond-invalid': !!error()?.byKey[q.key] }}
                      >
                        <legend>
                          {i() + 1}. {q.label}
                          <span class="muted">
                            {' '}
                            （{q.required ? s.required : s.optional}
                            {q.kind === 'choice' && q.multiple ? `，${s.multiple}` : ''}）
                          </span>
                        </legend>
                        <Switch>
                          <Match when={q.kind === 'rating' && q}>
                            {(r) => (
                              <div class="respond-scale">
                                <For each={Array.from({ length: r().max }, (_, n) => n + 1)}>
                                  {(n) => (
                                    <label class="respond-pick">
                                      <input
                                        type="radio"
                                        name={q.key}
                                        checked={answers()[q.key] === n}
                                        onChange={() => set(q.key, n)}
                                        aria-label={s.points(n)}
                                      />
                                      <span>{n}</span>
                                    </label>
                                  )}
                                </For>
                                <p class="respond-ends muted">
                                  <span>1 = {s.low}</span>
                                  <span>
                                    {r().max} = {s.high}
                                  </span>
                                </p>
                              </div>
                            )}
                          </Match>
                          <Match when={q.kind === 'choice' && q}>
                            {(c) => (
                              <div class="respond-options">
                                <For each={c().options}>
                                  {(label, n) => (
                                    <label class="respond-option">
                                      <input
                                        type={c().multiple ? 'checkbox' : 'radio'}
                                        name={q.key}
                                        checked={
                                          c().multiple
                                            ? ((answers()[q.key] as number[] | undefined) ?? []).includes(n())
                                            : answers()[q.key] === n()
                                        }
                                        onChange={() => (c().multiple ? toggle(q.key, n()) : set(q.key, n()))}
                                      />
                                      <span>{label}</span>
                                    </label>
                                  )}
                                </For>
                              </div>
                            )}
                          </Match>
                          <Match when={q.kind === 'text'}>
                            <textarea
                              rows={4}
                              maxLength={1000}
                              aria-label={q.label}
                              placeholder={q.required ? '' : s.placeholder}
                              value={(answers()[q.key] as string | undefined) ?? ''}
                              onInput={(e) => set(q.key, e.currentTarget.value)}
                            />
                          </Match>
                        </Switch>
                        <Show when={error()?.byKey[q.key]}>{(m) => <p class="field-error">{m()}</p>}</Show>
                      </fieldset>
                    )}
                  </For>
                  <Show when={error()}>
                    {(e) => (
                      <p class="banner banner-error" role="alert">
                        {e().message}
                      </p>
                    )}
                  </Show>
                  <button
                    type="submit"
                    class="btn btn-primary btn-block"
                    disabled={sending()}
                    aria-busy={sending() ? 'true' : undefined}
                  >
                    {sending() ? s.sending : s.submit}
                  </button>
                </form>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </main>
  );
}
