import { createRequire } from 'node:module';
import * as XLSX from '@e965/xlsx';
import { api, signIn } from '../support/api';

export const HOME = 'test-county';

export function suffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

export type Cell = string | number | null | XLSX.CellObject;

/** An .xlsx file built the way Excel writes one: cells typed, optional merged ranges. */
export function xlsxOf(rows: Cell[][], options: { merges?: string[]; sheetName?: string } = {}): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet(rows as unknown[][]);
  if (options.merges) sheet['!merges'] = options.merges.map((ref) => XLSX.utils.decode_range(ref));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, options.sheetName ?? 'Sheet1');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

export function csvText(rows: (string | number | null)[][]): string {
  const quote = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

export function utf8Csv(rows: (string | number | null)[][], bom = true): Uint8Array {
  const bytes = new TextEncoder().encode(csvText(rows));
  return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
}

/** What Excel in China writes for "CSV (逗号分隔)": GBK (code page 936). */
export function gbkCsv(rows: (string | number | null)[][]): Uint8Array {
  const cptable = createRequire(import.meta.url)('@e965/xlsx/dist/cpexcel.js') as {
    utils: { encode: (cp: number, text: string) => number[] | Uint8Array };
  };
  return new Uint8Array(cptable.utils.encode(936, csvText(rows)));
}

/** The first sheet (or the named one) of an .xlsx answer as rows of values. */
export function sheetRows(bytes: Uint8Array, sheetName?: string): unknown[][] {
  const book = XLSX.read(bytes, { type: 'array' });
  const name = sheetName ?? book.SheetNames[0];
  const sheet = name ? book.Sheets[name] : undefined;
  if (!sheet) throw new Error(`no sheet ${sheetName} in ${book.SheetNames.join(',')}`);
  return XLSX.utils.sheet_to_json(sheet, { header: 1, raw: true, defval: null });
}

export function sheetNames(bytes: Uint8Array): string[] {
  return XLSX.read(bytes, { type: 'array', bookSheets: true }).SheetNames;
}

const cookies = new Map<string, Promise<string>>();

/** One signed-in session per user and tenant, per test file. */
export function cookieOf(username = 'role_admin', tenant = HOME): Promise<string> {
  const key = `${tenant}/${username}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = signIn(tenant, username);
    cookies.set(key, cookie);
  }
  return cookie;
}

export async function upload(
  list: string,
  bytes: Uint8Array,
  options: { dryRun?: boolean; cookie?: string; tenant?: string; contentType?: string } = {},
) {
  const tenant = options.tenant ?? HOME;
  return api(`/api/t/${tenant}/imports/${list}${options.dryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    cookie: options.cookie ?? (await cookieOf('role_admin', tenant)),
    rawBody: bytes,
    headers: { 'content-type': options.contentType ?? 'application/octet-stream' },
  });
}

/** Downloads a template or export as bytes, with its headers. */
export async function fetchFile(path: string, cookie?: string) {
  const { stack } = await import('../support/api');
  const res = await fetch(`${stack.url}/api/t/${HOME}/${path}`, {
    headers: { cookie: cookie ?? (await cookieOf()), connection: 'close' },
  });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

export const UNIT_HEADER = [
  '单位代码',
  '名称',
  '类型',
  '上级单位',
  '责任区',
  '地址',
  '负责人',
  '联系电话',
  '在校生数',
  '教职工数',
];

/** A valid units CSV of one new school, for the security suite's 2xx check (a fresh name each call). */
export function oneUnitCsv(): Uint8Array {
  return utf8Csv([UNIT_HEADER, ['', `安全测试小学${suffix()}`, '小学', '城关镇', '', '', '', '', '', '']]);
}
