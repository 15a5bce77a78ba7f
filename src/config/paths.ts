// Where the project's files are, the same whether the code runs from src/ (tsx, vitest) or dist/ (built):
// both sit one level below the project root and mirror each other.
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export const localesDir = `${projectRoot}src/i18n/locales`;
export const assetsDir = `${projectRoot}src/http/assets`;
export const seedsDir = `${projectRoot}../shared/seeds`;
/** Who drafted each interface catalog and which strings volunteers reviewed (decision 0025). */
export const reviewDir = `${projectRoot}src/i18n/review`;
