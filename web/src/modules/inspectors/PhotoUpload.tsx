import { createSignal, onCleanup, Show } from 'solid-js';
import { toApiError } from '../../api';
import { texts } from '../../texts';
import { inspectorsTexts } from '../../texts/inspectors';
import { Button } from '../../ui/Button';
import { type CompressedImage, compressImage, formatBytes, ImageCompressError } from '../../ui/compressImage';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Notice } from '../../ui/Notice';
import { inspectorsApi } from './api';

interface PhotoUploadProps {
  slug: string;
  id: string;
  onUploaded: () => void;
}

const s = inspectorsTexts;

/** Choose a photo, see it compressed on the device (size before and after), then upload it. */
export function PhotoUpload(props: PhotoUploadProps) {
  const [picked, setPicked] = createSignal<CompressedImage | null>(null);
  const [preview, setPreview] = createSignal<string | null>(null);
  const [state, setState] = createSignal<'idle' | 'compressing' | 'uploading'>('idle');
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;

  const clearPreview = () => {
    const url = preview();
    if (url) URL.revokeObjectURL(url);
    setPreview(null);
    setPicked(null);
    if (input) input.value = '';
  };
  onCleanup(clearPreview);

  const choose = async (file: File | undefined) => {
    clearPreview();
    setError(null);
    setDone(null);
    if (!file) return;
    setState('compressing');
    try {
      const image = await compressImage(file);
      setPicked(image);
      setPreview(URL.createObjectURL(image.blob));
    } catch (err) {
      setError(err instanceof ImageCompressError ? err.message : texts.common.serverError);
    } finally {
      setState('idle');
    }
  };

  const upload = async () => {
    const image = picked();
    if (!image || state() !== 'idle') return;
    setState('uploading');
    setError(null);
    try {
      const { photo } = await inspectorsApi.uploadPhoto(props.slug, props.id, image.blob);
      clearPreview();
      setDone(s.uploaded(formatBytes(photo.bytes)));
      props.onUploaded();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setState('idle');
    }
  };

  return (
    <div class="photo-upload">
      <div class="field">
        <label for="inspector-photo">{s.choosePhoto}</label>
        <input
          ref={input}
          id="inspector-photo"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/*"
          aria-describedby="inspector-photo-hint"
          onChange={(e) => choose(e.currentTarget.files?.[0])}
        />
        <p class="field-hint" id="inspector-photo-hint">
          {s.photoHint}
        </p>
      </div>
      <Show when={state() === 'compressing'}>
        <p class="loading loading-inline" role="status">
          {s.compressing}
        </p>
      </Show>
      <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
      <Show when={done()}>{(m) => <Notice>{m()}</Notice>}</Show>
      <Show when={picked() && preview()}>
        <figure style={{ margin: '8px 0' }}>
          <img
            src={preview() ?? ''}
            alt={s.photo}
            style={{ 'max-width': '160px', 'max-height': '200px', display: 'block' }}
          />
          <figcaption class="muted">
            {s.compressed(formatBytes(picked()?.originalBytes ?? 0), formatBytes(picked()?.blob.size ?? 0))}
          </figcaption>
        </figure>
        <p class="actions">
          <Button variant="primary" busy={state() === 'uploading'} onClick={upload}>
            {state() === 'uploading' ? s.uploading : s.uploadPhoto}
          </Button>
          <Button onClick={clearPreview} disabled={state() === 'uploading'}>
            {s.cancelPhoto}
          </Button>
        </p>
      </Show>
    </div>
  );
}
