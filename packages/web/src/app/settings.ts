/**
 * The person's settings (time zone, quick add's locale, daily digest hour): one query
 * every screen shares, and the change that keeps it current. It reads the API (zod,
 * TanStack Query), so only chunks that load on demand import it, never the shell.
 */
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type UpdateSettingsInput, UserSettings } from "@taskmanager/core/user/schema";
import { apiRequest } from "../api-client";

export const settingsKey = ["settings"] as const;

export const fetchSettings = () => apiRequest("/me/settings", { schema: UserSettings });

export const updateSettings = (input: UpdateSettingsInput) =>
  apiRequest("/me/settings", { method: "PATCH", body: input, schema: UserSettings });

/** Settings change rarely, and only here: read once per session, then kept. */
export const useSettings = () =>
  useQuery({ queryKey: settingsKey, queryFn: fetchSettings, staleTime: Number.POSITIVE_INFINITY });

/** Sets any subset; the answer (the settings as now stored) replaces the cached ones. */
export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (settings) => client.setQueryData(settingsKey, settings),
  });
}

/** The browser's own IANA time zone (what a person gets until they pick another). */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The locale quick add reads dates in: the person's setting, else the browser's language. */
export const settingsLocale = (settings: UserSettings | undefined) =>
  settings?.locale ?? (typeof navigator === "undefined" ? "en" : navigator.language) ?? "en";

let adopting: Promise<void> | null = null;

/**
 * After a sign-in: a person whose settings have no time zone yet gets the browser's,
 * sent once (a second call while the first is under way shares it). A failure is
 * left for the next sign-in or the settings page: the app works without a zone
 * (the server then reads times in UTC), so the sign-in never waits on it.
 */
export function adoptBrowserZone(client: QueryClient): Promise<void> {
  adopting ??= (async () => {
    const settings = await client.fetchQuery({ queryKey: settingsKey, queryFn: fetchSettings });
    if (settings.timeZone) return;
    client.setQueryData(settingsKey, await updateSettings({ timeZone: browserTimeZone() }));
  })()
    .catch(() => undefined)
    .finally(() => {
      adopting = null;
    });
  return adopting;
}
