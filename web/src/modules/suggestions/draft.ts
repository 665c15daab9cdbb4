import { draftStore } from '../../ui/draftStore';
import type { SuggestionForm } from './api';

export function emptySuggestion(): SuggestionForm {
  return { title: '', body: '', category: '' };
}

// A suggestion typed on a phone survives a reload, a dropped connection or a closed tab until it is
// sent. Kept per tenant and user, so a shared phone never shows one person's draft to another.
export const suggestionDraft = draftStore({
  prefix: 'dudao.suggestionDraft',
  fields: ['title', 'body', 'category'],
  empty: emptySuggestion,
  storage: 'local',
  blankIsNone: true,
});
