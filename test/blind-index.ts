// The blind index of an address as the tests' databases store it (they run on the development data key):
// for rows written straight to the supporters table and for lookups by address in assertions.
import { developmentVault } from '../src/security/data-keys.js';

const vault = developmentVault();

export const blindIndex = (canonical: string): string => vault.index(canonical);

export const domainIndex = (address: string): string => vault.domainIndex(address);
