import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The dashboard refreshes at once when its tab becomes visible again.
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
        // A refresh keeps the same objects where nothing changed, so unchanged rows do not re-render.
        structuralSharing: true,
        gcTime: 5 * 60_000,
      },
    },
  });
}
