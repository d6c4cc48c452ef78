import { AppError } from "../errors.ts";

/**
 * A pinned host key changes only through an admin's re-pin (repinHostKey.ts). Every other write
 * path (edit, new address, new credentials) may confirm the pinned key but never replace it:
 * otherwise any operator could lift the "host key changed" hard stop with an edit.
 */
export class HostKeyPinnedError extends AppError {
  constructor(pinned: string, confirmed: string) {
    super(
      `This node's host key is pinned to ${pinned}, and ${confirmed} is a different key. Only an admin can re-pin a host key (after finding out why it changed); a different machine is added as a new node. Nothing was changed.`,
      409,
      "host_key_pinned",
      { pinnedFingerprint: pinned, confirmedFingerprint: confirmed, fields: { hostKeyFingerprint: "A different host key than the pinned one: only an admin can re-pin it" } },
    );
  }
}

export function assertPinnedKeyKept(pinned: string, confirmed: string | undefined): void {
  if (confirmed !== undefined && confirmed !== pinned) throw new HostKeyPinnedError(pinned, confirmed);
}
