// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useWakeLock, WAKE_LOCK_RETRY_MS } from './use-wake-lock';

class FakeSentinel extends EventTarget {
  released = false;
  readonly type = 'screen';
  async release() {
    this.released = true;
    this.dispatchEvent(new Event('release'));
  }
}

let visibility: DocumentVisibilityState = 'visible';
const lock = { refuse: false, sentinels: [] as FakeSentinel[], request: vi.fn() };

function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  visibility = 'visible';
  lock.refuse = false;
  lock.sentinels = [];
  lock.request = vi.fn(async () => {
    if (lock.refuse) throw new DOMException('refused', 'NotAllowedError');
    const s = new FakeSentinel();
    lock.sentinels.push(s);
    return s;
  });
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: lock });
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'wakeLock');
  Reflect.deleteProperty(document, 'visibilityState');
  vi.useRealTimers();
});

const flush = () => act(async () => {});

describe('useWakeLock', () => {
  it('says the API is unavailable, without an error, where the browser lacks it', () => {
    Reflect.deleteProperty(navigator, 'wakeLock');
    const { result } = renderHook(() => useWakeLock());
    expect(result.current).toBe('unavailable');
  });

  it('holds the screen lock and gives it back when the wall goes', async () => {
    const { result, unmount } = renderHook(() => useWakeLock());
    await flush();
    expect(lock.request).toHaveBeenCalledWith('screen');
    expect(result.current).toBe('held');
    unmount();
    expect(lock.sentinels[0]?.released).toBe(true);
  });

  it('asks again when the lock is lost while the page shows', async () => {
    const { result } = renderHook(() => useWakeLock());
    await flush();
    await act(() => lock.sentinels[0]!.release());
    await flush();
    expect(lock.request).toHaveBeenCalledTimes(2);
    expect(result.current).toBe('held');
  });

  it('waits while hidden and asks again once the page shows', async () => {
    const { result } = renderHook(() => useWakeLock());
    await flush();
    setVisibility('hidden');
    await act(() => lock.sentinels[0]!.release());
    expect(lock.request).toHaveBeenCalledTimes(1);
    expect(result.current).toBe('waiting');
    await act(async () => setVisibility('visible'));
    await flush();
    expect(lock.request).toHaveBeenCalledTimes(2);
    expect(result.current).toBe('held');
  });

  it('tries again later after a refusal', async () => {
    vi.useFakeTimers();
    lock.refuse = true;
    const { result } = renderHook(() => useWakeLock());
    await flush();
    expect(result.current).toBe('waiting');
    lock.refuse = false;
    await act(() => vi.advanceTimersByTimeAsync(WAKE_LOCK_RETRY_MS));
    expect(result.current).toBe('held');
  });
});
