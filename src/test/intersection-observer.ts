/**
 * An IntersectionObserver a test moves by hand: it says which watched elements are near the
 * screen. Install it with `vi.stubGlobal('IntersectionObserver', TestObserver)` after clearing
 * `TestObserver.all`.
 */
export class TestObserver {
  static all: TestObserver[] = [];
  watched = new Set<Element>();
  constructor(private readonly report: IntersectionObserverCallback) {
    TestObserver.all.push(this);
  }
  observe(element: Element) {
    this.watched.add(element);
  }
  unobserve(element: Element) {
    this.watched.delete(element);
  }
  disconnect() {
    this.watched.clear();
  }
  /** Reports every watched element, near where `near` says so. */
  scroll(near: (element: Element) => boolean) {
    const entries = [...this.watched].map(
      (target) => ({ target, isIntersecting: near(target) }) as IntersectionObserverEntry,
    );
    this.report(entries, this as unknown as IntersectionObserver);
  }
}

/** A row's place in its list (`data-place`). */
export const placeOf = (element: Element) => Number((element as HTMLElement).dataset.place);
