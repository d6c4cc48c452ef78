import { z } from "zod";
import { addressSchema, nodeNameSchema, portSchema, sshUserSchema, type AuthInput } from "@/lib/nodes/nodeInput";

// The wizard's step-1 form is flat (one input per field); the API takes `auth` as a nested union.
export const connectionFormSchema = z
  .object({
    name: nodeNameSchema,
    address: addressSchema,
    port: portSchema,
    username: sshUserSchema,
    authKind: z.enum(["key", "password"]),
    privateKey: z.string().max(16 * 1024, "A private key is at most 16 KiB").optional(),
    passphrase: z.string().max(1024).optional(),
    password: z.string().max(1024).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.authKind === "key" && !v.privateKey?.trim()) ctx.addIssue({ code: "custom", path: ["privateKey"], message: "Paste or upload a private key" });
    if (v.authKind === "password" && !v.password) ctx.addIssue({ code: "custom", path: ["password"], message: "Required" });
  });
export type ConnectionFormValues = z.input<typeof connectionFormSchema>;

export function toAuth(v: ConnectionFormValues): AuthInput {
  return v.authKind === "key"
    ? { kind: "key", privateKey: v.privateKey ?? "", passphrase: v.passphrase || undefined }
    : { kind: "password", password: v.password ?? "" };
}

/** Server field paths ("auth.privateKey") to this form's field names. */
export function formFieldOf(path: string): keyof ConnectionFormValues | null {
  const map: Record<string, keyof ConnectionFormValues> = {
    name: "name",
    address: "address",
    port: "port",
    username: "username",
    "auth.privateKey": "privateKey",
    "auth.passphrase": "passphrase",
    "auth.password": "password",
    "auth.kind": "authKind",
    auth: "authKind",
  };
  return map[path] ?? null;
}
