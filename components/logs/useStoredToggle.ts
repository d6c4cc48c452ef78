"use client";

import { useCallback, useEffect, useState } from "react";

/** A viewer preference (e.g. timestamps) that survives reloads; read after mount, so SSR matches. */
export function useStoredToggle(key: string, initial: boolean): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(initial);
  useEffect(() => {
    const stored = window.localStorage.getItem(key);
    if (stored !== null) setOn(stored === "1");
  }, [key]);
  const set = useCallback(
    (value: boolean) => {
      setOn(value);
      window.localStorage.setItem(key, value ? "1" : "0");
    },
    [key],
  );
  return [on, set];
}
