export interface Migration {
  /** 1-based; a database at version N has migrations 1..N applied. */
  version: number;
  tag: string;
  statements: string[];
  checksum: string;
}

/** FNV-1a over the statements: cheap, synchronous, and enough to notice an edited migration. */
export function migrationChecksum(statements: string[]): string {
  let hash = 0x811c9dc5;
  for (const ch of statements.join('\n')) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
