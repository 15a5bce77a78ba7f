// Types for the three libsodium calls the data vault uses (security/data-keys.ts, decision 0023): the
// package ships none, and the DefinitelyTyped ones describe an older major version.
declare module 'sodium-native' {
  interface Sodium {
    readonly crypto_aead_xchacha20poly1305_ietf_KEYBYTES: number;
    readonly crypto_aead_xchacha20poly1305_ietf_NPUBBYTES: number;
    readonly crypto_aead_xchacha20poly1305_ietf_ABYTES: number;
    /** Writes ciphertext ‖ tag into `c` (m.length + ABYTES bytes); returns the bytes written. */
    crypto_aead_xchacha20poly1305_ietf_encrypt(
      c: Uint8Array,
      m: Uint8Array,
      ad: Uint8Array | null,
      nsec: null,
      npub: Uint8Array,
      k: Uint8Array,
    ): number;
    /** Writes the plaintext into `m` (c.length − ABYTES bytes); throws when the tag does not verify. */
    crypto_aead_xchacha20poly1305_ietf_decrypt(
      m: Uint8Array,
      nsec: null,
      c: Uint8Array,
      ad: Uint8Array | null,
      npub: Uint8Array,
      k: Uint8Array,
    ): number;
    randombytes_buf(buffer: Uint8Array): void;
  }
  const sodium: Sodium;
  export default sodium;
}
