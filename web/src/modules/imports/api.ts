// Calls and types of the import/export page. The server reads and writes the spreadsheets: this
// page only sends the file as it is and receives .xlsx downloads.
import { download, request, t } from '../../api';

export type ListName = 'units' | 'inspectors' | 'users';

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface Credential {
  username: string;
  displayName: string;
  password: string;
}

export interface ImportResult {
  dryRun: boolean;
  format: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  zonesCreated?: string[];
  credentials?: Credential[];
}

export const importsApi = {
  template: (slug: string, list: ListName, fallbackName: string) =>
    download(t(slug, `imports/${list}/template`), fallbackName),
  export: (slug: string, list: ListName, fallbackName: string) =>
    download(t(slug, `exports/${list}`), fallbackName),
  upload: (slug: string, list: ListName, file: File, dryRun: boolean) =>
    request<ImportResult>('POST', t(slug, `imports/${list}${dryRun ? '?dryRun=1' : ''}`), {
      file,
      contentType: file.type || 'application/octet-stream',
    }),
};
