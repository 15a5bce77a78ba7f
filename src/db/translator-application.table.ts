// Row type of volunteers' translator applications (migration 0029-translator-applications).
import type { Generated } from 'kysely';

export interface TranslatorApplicationsTable {
  id: Generated<number>;
  name: string;
  email: string;
  languages: string;
  note: string;
  locale: string;
  form_nonce: string;
  created_at: number;
}
