import { useEffect, useEffectEvent, useRef } from 'react';

/**
 * What a control shows for `rendered` when nobody has touched it: a text field drops line breaks
 * (the browser's value sanitizing), a list shows the value only if it is one of its options
 * (`undefined`: the control cannot tell a choice from its own default).
 */
function untouched(control: HTMLInputElement | HTMLSelectElement, rendered: string) {
  if (control instanceof HTMLSelectElement)
    return [...control.options].some((o) => o.value === rendered) ? rendered : undefined;
  return rendered.replace(/[\r\n]/g, '');
}

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
    if (!control) return;
    const shown = untouched(control, rendered);
    if (shown !== undefined && control.value !== shown) apply(control.value);
  });
  useEffect(() => early(), []);
  return ref;
}
