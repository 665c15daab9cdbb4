import { draftStore } from '../../ui/draftStore';
import type { Account } from './api';

export const ACCOUNT_FIELDS = ['username', 'displayName', 'role', 'unitId', 'phone', 'quotaRole'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export type AccountDraft = Record<AccountField, string> & { unitName: string };

export function emptyDraft(): AccountDraft {
  return { username: '', displayName: '', role: '', unitId: '', phone: '', quotaRole: '', unitName: '' };
}

export function draftOf(user: Account): AccountDraft {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unit?.id ?? '',
    unitName: user.unit?.name ?? '',
    phone: user.phone ?? '',
    quotaRole: user.quotaRole ?? '',
  };
}

// Kept per tenant and account for this tab, until saved or discarded.
export const accountDraft = draftStore({
  prefix: 'dudao.accountDraft',
  fields: [...ACCOUNT_FIELDS, 'unitName'],
  empty: emptyDraft,
});
