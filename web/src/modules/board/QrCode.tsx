import { createResource, Show } from 'solid-js';

/**
 * A QR code as an SVG path, drawn from the module matrix (no HTML string from the library). The
 * generator is loaded only by the page that shows one.
 */
export function QrCode(props: { text: string; label: string }) {
  const [path] = createResource(
    () => props.text,
    async (text) => {
      const { default: qrcode } = await import('qrcode-generator');
      const qr = qrcode(0, 'M');
      qr.addData(text);
      qr.make();
      const n = qr.getModuleCount();
      let d = '';
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`;
      }
      return { d, size: n + 8 };
    },
  );
  return (
    <Show when={path()}>
      {(p) => (
        <svg
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${p().size} ${p().size}`}
          role="img"
          aria-label={props.label}
          shape-rendering="crispEdges"
          data-qr-text={props.text}
        >
          <rect width={p().size} height={p().size} fill="#fff" />
          <path d={p().d} fill="#000" />
        </svg>
      )}
    </Show>
  );
}
