import { useEffect, useEffectEvent, useRef } from 'react';

/**
 * A form control of the server's page that the reader changed before the app took the page over
 * (the scripts come a moment after the first paint): once the app is in, the control's value is
 * handed to `apply` as if it had been changed now, instead of being kept on screen and ignored.
 * `rendered` is the value the app rendered the control with.
 */
export function useEarlyChange<T extends HTMLInputElement | HTMLSelectElement>(
  rendered: string,
  apply: (value: string) => void,
) {
  const ref = useRef<T>(null);
  const early = useEffectEvent(() => {
    const control = ref.current;
    if (control && control.value !== rendered) apply(control.value);
  });
  useEffect(() => early(), []);
  return ref;
}
