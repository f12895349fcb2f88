"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

/**
 * After a submit that failed validation: `focusFirstInvalid()` moves focus to
 * the form's first invalid field (aria-invalid, set by field.tsx) once the
 * errors just set are on screen, so keyboard and screen-reader users land on
 * the problem instead of staying on the submit button. Put `formRef` on the form.
 */
export function useFocusFirstInvalid(): { formRef: RefObject<HTMLFormElement | null>; focusFirstInvalid: () => void } {
  const formRef = useRef<HTMLFormElement>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [requests]);
  const focusFirstInvalid = useCallback(() => setRequests((count) => count + 1), []);
  return { formRef, focusFirstInvalid };
}
