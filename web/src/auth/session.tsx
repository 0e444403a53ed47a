import { useQueryClient } from "@tanstack/react-query";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { COOKIE_MODE, api, setAccessToken, type Schemas } from "../api/client";
import { unwrap } from "../api/problem";

type Me = Schemas["MeOut"];
type Token = Schemas["TokenOut"];

export interface Session {
  me: Me;
  can: (permission: string) => boolean;
}

interface SessionApi {
  session: Session | null;
  /** True until the first attempt to resume a session from the cookie has finished. */
  resuming: boolean;
  /** `recoveryCode`: one of the user's recovery codes in place of `otp` (spent). */
  signIn: (email: string, password: string, otp?: string, recoveryCode?: string) => Promise<void>;
  signOut: () => Promise<void>;
  switchCentre: (centreId: string) => Promise<void>;
  /** Trade the refresh cookie for new tokens now (e.g. once 2-step verification is set
   * up, for a normal session instead of a setup-only one). False: signed out. */
  renew: () => Promise<boolean>;
}

const Ctx = createContext<SessionApi | null>(null);

/** How long after a renewal the network failed the next attempt is made. */
export const RENEWAL_RETRY_MS = 15_000;

export function useSession(): SessionApi {
  const value = useContext(Ctx);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in session, for pages behind sign-in. */
export function useMe(): Session {
  const { session } = useSession();
  if (!session) throw new Error("not signed in");
  return session;
}

/** Trade the refresh cookie for new tokens. The cookie is single-use and shared by every
 * tab of the console: two tabs trading it at once (a browser restoring several tabs, a
 * document opened in a tab of its own while the list's tab renews) would present the same
 * token twice, and the second use revokes the session everywhere (a stolen token is worth
 * one use at most). Where the browser has Web Locks, the trades queue across tabs, so each
 * presents the cookie the one before it was given. */
async function tradeRefreshCookie(): Promise<Token | undefined> {
  const trade = async () => (await api.POST("/api/v1/auth/refresh", { body: {}, headers: COOKIE_MODE })).data;
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  return locks ? locks.request("cma-session-refresh", trade) : trade();
}

/** Whether this browser holds a session to resume: set when it is given one, cleared when
 * it signs out or the API refuses its cookie. The refresh cookie is HttpOnly, so a page
 * cannot see it; without this a first visit would trade a cookie it does not have and be
 * refused (a 401 in the console before every sign-in). Not a secret: only the cookie, which
 * no script reads, resumes anything. */
export const SIGNED_IN_KEY = "cma.signed-in";

function remembered(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_KEY) === "1";
  } catch {
    return true; // storage refused (a locked-down browser): ask the API, as before
  }
}

function remember(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_KEY, "1");
    else localStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // storage refused: the next visit asks the API
  }
}

async function loadMe(): Promise<Me> {
  return unwrap(await api.GET("/api/v1/auth/me"));
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [resuming, setResuming] = useState(true);
  const timer = useRef<number | undefined>(undefined);
  const queryClient = useQueryClient();

  const clear = useCallback(() => {
    window.clearTimeout(timer.current);
    remember(false);
    setAccessToken(null);
    setSession(null);
    queryClient.clear();
  }, [queryClient]);

  const adopt = useCallback(
    async (token: Token) => {
      setAccessToken(token.access_token);
      remember(true);
      const me = await loadMe();
      setSession({ me, can: (p) => me.permissions.includes(p) });
      window.clearTimeout(timer.current);
      // Renew a minute before the access token expires, from the HttpOnly cookie. A renewal
      // the network fails (the server restarting, the laptop off the Wi-Fi, a request cut
      // short) is not a refused token: the person stays signed in and it is tried again
      // shortly. Only the API refusing the cookie signs them out (refresh resolves false).
      const renewal = () => {
        refresh().catch(() => {
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(renewal, RENEWAL_RETRY_MS);
        });
      };
      timer.current = window.setTimeout(renewal, Math.max(10, token.expires_in - 60) * 1000);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const refresh = useCallback(async (): Promise<boolean> => {
    const token = await tradeRefreshCookie();
    if (!token) {
      clear();
      return false;
    }
    await adopt(token);
    return true;
  }, [adopt, clear]);

  const started = useRef(false);
  useEffect(() => {
    // Once: a refresh token is single-use, a second concurrent attempt would revoke it
    // (and across tabs, tradeRefreshCookie queues them).
    if (started.current) return;
    started.current = true;
    if (!remembered()) {
      setResuming(false);
      return;
    }
    refresh()
      .catch(() => false)
      .finally(() => setResuming(false));
  }, [refresh]);

  const value = useMemo<SessionApi>(
    () => ({
      session,
      resuming,
      async signIn(email, password, otp, recoveryCode) {
        const token = unwrap(
          await api.POST("/api/v1/auth/login", {
            body: { email, password, otp: otp || null, recovery_code: recoveryCode || null },
            headers: COOKIE_MODE,
          }),
        );
        await adopt(token);
      },
      async signOut() {
        // Revokes the refresh token's whole family: every device signed in from it. This
        // browser forgets the session whatever the answer: someone who asked to sign out on a
        // shared computer must not be left signed in because the network failed.
        await api.POST("/api/v1/auth/logout", { body: {}, headers: COOKIE_MODE }).catch(() => undefined);
        clear();
      },
      renew: refresh,
      async switchCentre(centreId) {
        const token = unwrap(
          await api.POST("/api/v1/auth/switch-centre", {
            body: { centre_id: centreId },
            headers: COOKIE_MODE,
          }),
        );
        queryClient.clear();
        await adopt(token);
      },
    }),
    [session, resuming, adopt, clear, refresh, queryClient],
  );

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
