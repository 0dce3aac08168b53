/**
 * Runs in the page before any of its own scripts (Playwright's init script): notes when pools
 * reach the screen, and collects long tasks. Times are `performance.now()`, i.e. milliseconds
 * since navigation start. A mark is taken after the frame that shows the change has been
 * rendered (the task after the next animation frame), not merely when the DOM changed.
 */
export interface Marks {
  firstPool?: number;
  allPools?: number;
  summary?: number;
  /** Largest pool count seen in one check. */
  poolsSeen: number;
}

export interface BenchWindow {
  __bench: {
    marks: Marks;
    longTasks: { start: number; duration: number }[];
    until: (name: 'firstPool' | 'allPools' | 'summary') => Promise<number>;
  };
}

export function installProbe(expectedPools: number): void {
  const marks: Marks = { poolsSeen: 0 };
  const waiting = new Map<string, ((t: number) => void)[]>();
  const longTasks: { start: number; duration: number }[] = [];

  type Name = 'firstPool' | 'allPools' | 'summary';
  /**
   * Called in an animation frame: the task runs once that frame has been rendered. It is posted
   * at the highest priority the page has (`scheduler.postTask`, user-blocking, where the browser
   * has it), so that it is the first task after the frame, and work the page queued for later
   * (a script it starts once the frame is painted) does not count as time to the screen.
   */
  const markAfterFrame = (name: Name) => {
    const mark = () => {
      const t = performance.now();
      marks[name] = t;
      for (const resolve of waiting.get(name) ?? []) resolve(t);
      waiting.delete(name);
    };
    const scheduler = (
      globalThis as {
        scheduler?: { postTask?: (cb: () => void, o: { priority: string }) => Promise<unknown> };
      }
    ).scheduler;
    if (scheduler?.postTask) {
      void scheduler.postTask(mark, { priority: 'user-blocking' });
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = mark;
    channel.port2.postMessage(null);
  };

  // The DOM is looked at once per frame in which it changed, not after every mutation, so that
  // watching costs the page next to nothing however many elements a render adds.
  const pending = new Set<Name>(['firstPool', 'allPools', 'summary']);
  let scheduled = false;
  const check = () => {
    scheduled = false;
    if (pending.has('firstPool') || pending.has('allPools')) {
      const n = document.querySelectorAll('[data-testid="pool"]').length;
      marks.poolsSeen = Math.max(marks.poolsSeen, n);
      if (n >= 1 && pending.delete('firstPool')) markAfterFrame('firstPool');
      if (n >= expectedPools && pending.delete('allPools')) markAfterFrame('allPools');
    }
    if (pending.has('summary') && document.querySelector('[data-testid="summary"]')) {
      pending.delete('summary');
      markAfterFrame('summary');
    }
    // Once every pool is there, the summary line no longer matters.
    if (!pending.has('allPools')) observer.disconnect();
  };
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(check);
  });
  observer.observe(document, { childList: true, subtree: true });

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Long tasks are extra detail; a browser without them still gives every other figure.
  }

  (window as unknown as BenchWindow).__bench = {
    marks,
    longTasks,
    until: (name) =>
      new Promise((resolve) => {
        const t = marks[name];
        if (t !== undefined) resolve(t);
        else waiting.set(name, [...(waiting.get(name) ?? []), resolve]);
      }),
  };
}

export interface KeyResult {
  /** Keydown to the first change of the suggestions in the DOM. */
  dom: number;
  /** Keydown to after the frame that shows it. */
  painted: number;
}

/**
 * Arms a watch for the next keystroke: from the keydown's own timestamp to the first change of
 * the suggestions list (options added, removed or re-worded in a `role="listbox"`, or the list
 * itself appearing or going). Attribute changes such as the highlighted option do not count.
 */
export function armKeystroke(timeoutMs: number): void {
  const w = window as unknown as { __benchKey?: Promise<KeyResult | null> };
  const inList = (node: Node | null): boolean => {
    const el = node instanceof Element ? node : (node?.parentElement ?? null);
    return el !== null && el.closest('[role="listbox"]') !== null;
  };
  const isList = (node: Node): boolean =>
    node instanceof Element &&
    (node.matches('[role="listbox"], [role="option"]') ||
      node.querySelector('[role="listbox"], [role="option"]') !== null);
  w.__benchKey = new Promise((resolve) => {
    let keyAt: number | undefined;
    const onKey = (e: KeyboardEvent) => {
      keyAt = e.timeStamp;
    };
    window.addEventListener('keydown', onKey, { capture: true, once: true });
    const observer = new MutationObserver((records) => {
      if (keyAt === undefined) return;
      const changed = records.some(
        (r) =>
          (r.type !== 'attributes' && inList(r.target)) ||
          [...r.addedNodes, ...r.removedNodes].some(isList),
      );
      if (!changed) return;
      const start = keyAt;
      const dom = performance.now() - start;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ dom, painted: performance.now() - start });
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      window.removeEventListener('keydown', onKey, { capture: true });
      resolve(null);
    }, timeoutMs);
  });
}

export function keystrokeResult(): Promise<KeyResult | null> {
  const w = window as unknown as { __benchKey?: Promise<KeyResult | null> };
  return w.__benchKey ?? Promise.resolve(null);
}
