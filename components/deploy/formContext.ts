"use client";

import { createContext, useContext } from "react";
import type { AppFit, DeployIssue } from "@/lib/deploy/deployContract";
import type { Json } from "./jsonPointer";

/** What every field of the form needs: the raw group, how to edit one path of it, and what the check said. */
export interface DeployFormState {
  root: Json;
  edit: (pointer: string, value: Json | undefined) => void;
  errors: DeployIssue[];
  warnings: DeployIssue[];
  fits: AppFit[];
  readOnly: boolean;
}

export const DeployFormContext = createContext<DeployFormState | null>(null);

export function useDeployForm(): DeployFormState {
  const ctx = useContext(DeployFormContext);
  if (!ctx) throw new Error("useDeployForm outside DeployFormContext");
  return ctx;
}
