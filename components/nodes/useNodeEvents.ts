"use client";

import { useLiveInvalidation } from "../useLiveInvalidation";

/** Live inventory: any node change published by the server refreshes the node queries. */
export function useNodeEvents() {
  useLiveInvalidation("nodes", "node:changed", ["nodes"]);
}
