// An account in a list of accounts (everyone on the users page, a campaign's partner access): its name
// linked to its page, or its address where it has no name; beside a name, the address.

/** The account's name (or address) linked to `href`, then its address when the name was shown. */
export function AccountLink({ href, account }: { href: string; account: { name: string; email: string } }) {
  return (
    <>
      <a href={href}>
        <strong dir="auto">{account.name || account.email}</strong>
      </a>
      {account.name && (
        <span class="editor-list__meta" dir="ltr">
          {account.email}
        </span>
      )}
    </>
  );
}
