import { draftStore } from '../../ui/draftStore';
import type { ComplaintForm } from './api';

export function emptyForm(): ComplaintForm {
  return { category: '', topic: '', body: '', contactName: '', contactPhone: '' };
}

// What the sender typed survives a reload, a closed tab or a dropped connection, until it is sent.
// One draft per unit.
export const complaintDraft = draftStore({
  prefix: 'dudao.complaintDraft',
  fields: ['category', 'topic', 'body', 'contactName', 'contactPhone'],
  empty: emptyForm,
  storage: 'local',
  blankIsNone: true,
});
