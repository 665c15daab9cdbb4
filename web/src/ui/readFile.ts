/**
 * A file's bytes. FileReader rather than `Blob.arrayBuffer()`, which Android WebView before 76 and
 * Safari before 14 lack (the browser floor is older, see DESIGN.md).
 */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}
