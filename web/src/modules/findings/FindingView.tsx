import { For, Show } from 'solid-js';
import type { ModuleKey } from '../../api';
import { findingsTexts as s } from '../../texts/findings';
import { formatTime } from '../../ui/format';
import { type InfoItem, InfoList } from '../../ui/InfoList';
import { type FindingDetail, type FindingEvent, findingsApi } from './api';
import { Deadline, SeverityBadge, StatusBadge } from './Badges';
import { beijingDateOf } from './dates';

interface PhotoProps {
  slug: string;
  module: ModuleKey;
  ids: string[];
}

/** Evidence photos as thumbnails, each opening the full image. */
export function EvidencePhotos(props: PhotoProps) {
  return (
    <ul class="finding-photos">
      <For each={props.ids}>
        {(id, i) => {
          const src = () => findingsApi.evidenceUrl(props.slug, props.module, id);
          return (
            <li>
              <a href={src()} target="_blank" rel="noopener">
                <img src={src()} alt={s.evidenceAlt(i() + 1)} loading="lazy" />
              </a>
            </li>
          );
        }}
      </For>
    </ul>
  );
}

/** The finding's main facts, for the office and the unit alike. */
export function FindingFacts(props: { finding: FindingDetail; unitWord: string }) {
  const f = () => props.finding;
  const items = (): InfoItem[] => {
    const list: InfoItem[] = [
      { label: s.status, value: <StatusBadge row={f()} /> },
      { label: props.unitWord, value: f().unitName },
      { label: s.category, value: f().category },
      { label: s.severity, value: <SeverityBadge severity={f().severity} /> },
      { label: s.deadline, value: <Deadline row={f()} /> },
    ];
    if (f().responsiblePerson) list.push({ label: s.responsiblePerson, value: f().responsiblePerson });
    if (f().noticeNo) list.push({ label: s.noticeNo, value: f().noticeNo });
    list.push({ label: s.createdAt, value: formatTime(f().createdAt) });
    if (f().issuedAt) list.push({ label: s.issuedAt, value: formatTime(f().issuedAt as string) });
    if (f().reportedAt) list.push({ label: s.reportedAt, value: formatTime(f().reportedAt as string) });
    if (f().closedAt) list.push({ label: s.closedAt, value: formatTime(f().closedAt as string) });
    return list;
  };
  return (
    <section class="section card">
      <InfoList items={items()} />
      <h3>{s.description}</h3>
      <p class="finding-text">{f().description}</p>
      <Show when={f().requirement}>
        <h3>{s.requirement}</h3>
        <p class="finding-text">{f().requirement}</p>
      </Show>
    </section>
  );
}

/** The photos that came with the finding itself (not those of a report, which sit in the timeline). */
export function findingPhotoIds(f: FindingDetail): string[] {
  const inEvents = new Set<string>();
  for (const e of f.events) for (const id of e.evidence ?? []) inEvents.add(id);
  return f.evidence.filter((e) => e.ownerType !== 'rectification' && !inEvents.has(e.id)).map((e) => e.id);
}

/** The note of the latest 退回, when the finding is back with the unit after a rejected report. */
export function rejectReason(f: FindingDetail): string | null {
  if (f.status !== 'issued') return null;
  for (let i = f.events.length - 1; i >= 0; i--) {
    const e = f.events[i] as FindingEvent;
    if (e.action === 'reject') return e.note ?? '';
    if (e.action === 'issue') return null;
  }
  return null;
}

/** Every step: who, when, what, the note and the photos sent with it. */
export function Timeline(props: { finding: FindingDetail; slug: string }) {
  return (
    <section class="section">
      <h2>{s.timeline}</h2>
      <Show when={props.finding.events.length} fallback={<p class="muted">{s.noEvents}</p>}>
        <ol class="finding-timeline">
          <For each={props.finding.events}>
            {(e) => (
              <li>
                <p class="card-meta">
                  {formatTime(e.at)} · {e.actorName ?? ''} ·{' '}
                  <strong>{s.actions[e.action] ?? e.actionLabel ?? e.action}</strong>
                </p>
                <Show when={e.note}>
                  <p class="finding-text">{e.note}</p>
                </Show>
                <Show when={e.evidence?.length}>
                  <EvidencePhotos slug={props.slug} module={props.finding.module} ids={e.evidence ?? []} />
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

/** The 整改通知单 as it reads on paper; the print page and the unit's page show the same text. */
export function NoticeBody(props: { finding: FindingDetail; office: string }) {
  const f = () => props.finding;
  const issuedOn = () => (f().issuedAt ? beijingDateOf(f().issuedAt as string) : '');
  return (
    <article class="notice-sheet">
      <h2>{s.noticeTitle}</h2>
      <Show when={f().noticeNo}>{(no) => <p class="notice-no">{s.noticeNoLabel(no())}</p>}</Show>
      <p>{s.noticeTo(f().unitName)}</p>
      <p>{s.noticeIntro(f().category)}</p>
      <p>
        <strong>{s.noticeProblem}</strong>
      </p>
      <p class="finding-text">{f().description}</p>
      <p class="muted">{s.noticeSeverity(s.severities[f().severity])}</p>
      <p>
        <strong>{s.noticeRequirement}</strong>
      </p>
      <p class="finding-text">{f().requirement || s.noticeDefaultRequirement}</p>
      <p>{s.noticeDeadline(f().deadline)}</p>
      <Show when={f().responsiblePerson}>{(p) => <p>{s.noticeResponsible(p())}</p>}</Show>
      <p>{s.noticeClosing}</p>
      <div class="notice-sign">
        <p>{s.noticeIssuer(props.office)}</p>
        <p>{s.noticeDate(issuedOn())}</p>
      </div>
    </article>
  );
}
